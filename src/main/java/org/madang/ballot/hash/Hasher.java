package org.madang.ballot.hash;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.madang.ballot.crypto.ElGamalCiphertext;
import org.madang.ballot.group.Bytes;
import org.madang.ballot.group.Element;
import org.madang.ballot.group.Scalar;

/**
 * ElectionGuard's H(B0; B1) = HMAC-SHA-256(B0, B1) (spec 2.1.0 section 5.1): B0 is a 32-byte
 * key (H_P, H_B or H_E), B1 the concatenation of a domain-separation byte and fixed-length
 * encodings of the inputs, appended in order through this builder.
 */
public final class Hasher {

    private final Mac mac;

    private Hasher(byte[] key) {
        if (key.length != HashValue.BYTES) {
            throw new IllegalArgumentException("the key of H is 32 bytes");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK always provides HmacSHA256", e);
        }
    }

    /** Starts H(key; separator ∥ ...). */
    public static Hasher with(HashValue key, int separator) {
        return new Hasher(key.bytes()).separator(separator);
    }

    /** For the parameter base hash, whose key is the padded version string rather than a hash. */
    public static Hasher withRawKey(byte[] key32) {
        return new Hasher(key32);
    }

    public Hasher separator(int b) {
        mac.update((byte) b);
        return this;
    }

    public Hasher bytes(byte[] b) {
        mac.update(b);
        return this;
    }

    public Hasher hash(HashValue h) {
        return bytes(h.bytes());
    }

    /** b(i, 4): indices, counts, sequence numbers. */
    public Hasher int4(int i) {
        return bytes(Bytes.int4(i));
    }

    public Hasher element(Element e) {
        return bytes(e.encode());
    }

    public Hasher scalar(Scalar s) {
        return bytes(s.encode());
    }

    /** Pad then data, as egk-ec hashes a ciphertext. */
    public Hasher ciphertext(ElGamalCiphertext c) {
        return element(c.pad()).element(c.data());
    }

    /**
     * UTF-8 bytes without a length prefix: egk-ec 2.1 hashes strings this way (its issue #48), and
     * the record must be verified as written.
     */
    public Hasher utf8(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public HashValue digest() {
        return HashValue.of(mac.doFinal());
    }
}
