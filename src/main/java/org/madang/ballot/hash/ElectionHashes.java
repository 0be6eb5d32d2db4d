package org.madang.ballot.hash;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.madang.ballot.group.Bytes;
import org.madang.ballot.group.ElectionConstants;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.GroupKind;

/** The election's chain of base hashes (spec 2.1.0 section 3.1.2, 3.1.3, 3.2.3). */
public final class ElectionHashes {

    private ElectionHashes() {
    }

    /**
     * H_P = H(ver; 0x00, p, q, g) for the integer group; for an elliptic curve egk-ec hashes
     * (a, b, primeModulus, g.x, g.y, h), each in 32 bytes. ver is the protocol version string from
     * constants.json padded with zeros to 32 bytes.
     */
    public static HashValue parameterBaseHash(ElectionConstants constants) {
        byte[] version = constants.protocolVersion().getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[32];
        System.arraycopy(version, 0, key, 0, Math.min(version.length, 32));
        Hasher h = Hasher.withRawKey(key).separator(0x00);
        if (constants.kind() == GroupKind.EllipticCurve) {
            for (String name : new String[] {"a", "b", "primeModulus", "g.x", "g.y", "h"}) {
                h.bytes(Bytes.fixedLength(required(constants, name), 32));
            }
        } else {
            h.bytes(Bytes.fixedLength(required(constants, "largePrime"), 512));
            h.bytes(Bytes.fixedLength(required(constants, "smallPrime"), 32));
            h.bytes(Bytes.fixedLength(required(constants, "generator"), 512));
        }
        return h.digest();
    }

    private static BigInteger required(ElectionConstants constants, String name) {
        BigInteger v = constants.parameter(name);
        if (v == null) {
            throw new IllegalArgumentException("constants lack parameter '" + name + "'");
        }
        return v;
    }

    /** H_M = H(H_P; 0x01, b(len(manifest), 4), manifest bytes) over the manifest file as published. */
    public static HashValue manifestHash(HashValue parameterBaseHash, byte[] manifestBytes) {
        return Hasher.with(parameterBaseHash, 0x01).int4(manifestBytes.length).bytes(manifestBytes).digest();
    }

    /** H_B = H(H_P; 0x02, H_M, b(n, 4), b(k, 4)). */
    public static HashValue electionBaseHash(HashValue parameterBaseHash, HashValue manifestHash, int guardians, int quorum) {
        return Hasher.with(parameterBaseHash, 0x02).hash(manifestHash).int4(guardians).int4(quorum).digest();
    }

    /** H_E = H(H_B; 0x12, K). */
    public static HashValue extendedBaseHash(HashValue electionBaseHash, Element jointPublicKey) {
        return Hasher.with(electionBaseHash, 0x12).element(jointPublicKey).digest();
    }
}
