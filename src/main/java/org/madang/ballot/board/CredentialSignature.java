package org.madang.ballot.board;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.madang.ballot.hash.HashValue;

/**
 * Madang's Belenios-style voter credentials: each voter signs their ballot with a P-256 key made on their own
 * device, and only the public credentials are published. The signed message binds the ballot to the election:
 * {@code "madang-ballot-v1" || H_E || confirmation code}, hashed with SHA-256 and signed with ECDSA (r || s, 64 bytes).
 * Whatever the election's own group, credentials are always P-256, so browsers sign with the same code everywhere.
 */
public final class CredentialSignature {

    private static final byte[] DOMAIN = "madang-ballot-v1".getBytes(StandardCharsets.US_ASCII);
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("P-256");
    private static final ECDomainParameters DOMAIN_PARAMETERS =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    public static final int CREDENTIAL_BYTES = 33, SIGNATURE_BYTES = 64;

    private CredentialSignature() {
    }

    /** The bytes a credential signs for one ballot. */
    public static byte[] message(HashValue extendedBaseHash, HashValue confirmationCode) {
        byte[] m = Arrays.copyOf(DOMAIN, DOMAIN.length + 64);
        System.arraycopy(extendedBaseHash.bytes(), 0, m, DOMAIN.length, 32);
        System.arraycopy(confirmationCode.bytes(), 0, m, DOMAIN.length + 32, 32);
        return m;
    }

    /** Decodes a public credential: a compressed SEC1 point on P-256, not the identity. */
    public static ECPoint decodeCredential(byte[] compressed) throws IllegalArgumentException {
        if (compressed.length != CREDENTIAL_BYTES || (compressed[0] != 2 && compressed[0] != 3)) {
            throw new IllegalArgumentException("a credential is a compressed P-256 point of 33 bytes");
        }
        ECPoint p = CURVE.getCurve().decodePoint(compressed); // checks the point lies on the curve
        if (p.isInfinity() || !p.isValid()) throw new IllegalArgumentException("the credential is not a valid point");
        return p;
    }

    public static boolean verify(byte[] credential, HashValue extendedBaseHash, HashValue confirmationCode, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) return false;
        ECPoint point;
        try {
            point = decodeCredential(credential);
        } catch (IllegalArgumentException e) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(point, DOMAIN_PARAMETERS));
        return verifier.verifySignature(sha256(message(extendedBaseHash, confirmationCode)), r, s);
    }

    /** A credential key pair, as a voter's device makes one (used by tests and the demo voters). */
    public record KeyPair(byte[] secret, byte[] credential) {
        public static KeyPair generate(SecureRandom random) {
            BigInteger d;
            do {
                d = new BigInteger(256, random);
            } while (d.signum() == 0 || d.compareTo(CURVE.getN()) >= 0);
            byte[] secret = fixed(d);
            return new KeyPair(secret, CURVE.getG().multiply(d).normalize().getEncoded(true));
        }

        public byte[] sign(HashValue extendedBaseHash, HashValue confirmationCode) {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ParametersWithRandom(
                    new ECPrivateKeyParameters(new BigInteger(1, secret), DOMAIN_PARAMETERS), new SecureRandom()));
            BigInteger[] rs = signer.generateSignature(sha256(message(extendedBaseHash, confirmationCode)));
            byte[] out = new byte[SIGNATURE_BYTES];
            System.arraycopy(fixed(rs[0]), 0, out, 0, 32);
            System.arraycopy(fixed(rs[1]), 0, out, 32, 32);
            return out;
        }
    }

    private static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, b.length);
        System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(byte[] m) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(m);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
