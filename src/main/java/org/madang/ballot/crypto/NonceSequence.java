package org.madang.ballot.crypto;

import java.security.SecureRandom;
import org.madang.ballot.group.Group;
import org.madang.ballot.group.Scalar;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;

/**
 * A reproducible sequence of scalars derived from a secret seed and a purpose label:
 * nonce(i) = H_q(seed; b(label), b(i, 4)). Encryption derives all its randomness this way from the
 * ballot's master nonce, so that a ballot opened with its nonce can be re-encrypted bit for bit.
 */
public final class NonceSequence {

    private final Group group;
    private final HashValue seed;
    private final String label;

    public NonceSequence(Group group, HashValue seed, String label) {
        this.group = group;
        this.seed = seed;
        this.label = label;
    }

    /** A sequence seeded by a scalar (e.g. a selection's encryption nonce). */
    public static NonceSequence fromScalar(Group group, Scalar seed, String label) {
        return new NonceSequence(group, HashValue.of(seed.encode()), label);
    }

    public Scalar get(int index) {
        return group.hashToScalar(Hasher.withRawKey(seed.bytes()).utf8(label).int4(index).digest().bytes());
    }

    /** A uniformly random scalar, for secrets and proof commitments that need not be reproducible. */
    public static Scalar random(Group group, SecureRandom random) {
        // 64 extra bits make the bias of the reduction mod q negligible
        return group.scalar(new java.math.BigInteger(group.order().bitLength() + 64, random));
    }

    /** 32 random bytes, e.g. a ballot's master nonce. */
    public static HashValue randomSeed(SecureRandom random) {
        byte[] b = new byte[HashValue.BYTES];
        random.nextBytes(b);
        return HashValue.of(b);
    }
}
