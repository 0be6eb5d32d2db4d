package org.madang.ballot.crypto;

import org.madang.ballot.group.Element;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.PublicBatch;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;

/**
 * A guardian's proof of knowledge of the secret coefficient a_ij behind the commitment
 * K_ij = g^(a_ij) (spec 2.1.0 section 3.2.2, Verification 2): challenge c and response v with
 * h = g^v · K_ij^c and c = H(H_P; 0x10, i, j, K_ij, h).
 */
public record SchnorrProof(Element commitment, Scalar challenge, Scalar response) {

    /**
     * @param guardianIndex i, the guardian's x-coordinate
     * @param coefficientIndex j, the coefficient's index (0 for the guardian's public key)
     */
    public boolean verify(Group group, HashValue parameterBaseHash, int guardianIndex, int coefficientIndex) {
        if (commitment.isIdentity()) {
            return false; // a commitment of 1 would mean a zero coefficient
        }
        PublicBatch batch = group.publicBatch();
        batch.add(group.fixedBase(group.generator()), response, commitment, challenge);
        Element h = batch.compute().get(0);
        Scalar expected = group.hashToScalar(Hasher.with(parameterBaseHash, 0x10)
                .int4(guardianIndex).int4(coefficientIndex).element(commitment).element(h).digest().bytes());
        return expected.equals(challenge);
    }

    /**
     * Proves knowledge of {@code secret} behind K = g^secret: h = g^u, c = H(H_P; 0x10, i, j, K, h),
     * v = u − c·secret.
     */
    public static SchnorrProof prove(Group group, HashValue parameterBaseHash, int guardianIndex, int coefficientIndex,
                                     Scalar secret, Scalar u) {
        Element commitment = group.gPow(secret);
        Element h = group.gPow(u);
        Scalar c = group.hashToScalar(Hasher.with(parameterBaseHash, 0x10)
                .int4(guardianIndex).int4(coefficientIndex).element(commitment).element(h).digest().bytes());
        return new SchnorrProof(commitment, c, u.subtract(c.multiply(secret)));
    }
}
