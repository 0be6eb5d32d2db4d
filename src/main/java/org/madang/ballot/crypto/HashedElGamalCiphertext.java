package org.madang.ballot.crypto;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.madang.ballot.group.Bytes;
import org.madang.ballot.group.Element;
import org.madang.ballot.hash.HashValue;
import org.madang.ballot.hash.Hasher;

/**
 * Hashed ElGamal encryption of a contest's data field (spec 2.1.0 section 3.3.6):
 * C0 = g^ξ, C1 = the data XOR keys from a KDF, C2 = HMAC(k0, C0 ∥ C1).
 */
public record HashedElGamalCiphertext(Element c0, byte[] c1, HashValue c2, int numBytes) {

    /** egk-ec's KDF label and the prefix of its context (followed by the contest id). */
    static final String KDF_LABEL = "share_enc_keys";
    static final String KDF_CONTEXT_PREFIX = "contest_data";

    public HashedElGamalCiphertext {
        c1 = c1.clone();
    }

    @Override
    public byte[] c1() {
        return c1.clone();
    }

    /**
     * Decrypts with β = C0^s (published with a challenged ballot). Empty when the MAC C2 does not
     * authenticate, i.e. β or the ciphertext is not what the encrypting device produced.
     */
    public Optional<byte[]> decrypt(ElectionKey key, String contestId, Element beta) {
        HashValue k = Hasher.with(key.extendedBaseHash(), 0x22).element(key.publicKey()).element(c0).element(beta).digest();
        String context = KDF_CONTEXT_PREFIX + contestId;
        byte[] k0 = kdf(k, 0, context);
        byte[] mac = hmac(k0, Bytes.concat(c0.encode(), c1));
        if (!Arrays.equals(mac, c2.bytes())) {
            return Optional.empty();
        }
        byte[] plain = new byte[c1.length];
        for (int block = 0; block * 32 < c1.length; block++) {
            byte[] ki = kdf(k, block + 1, context);
            for (int j = 0; j < 32 && block * 32 + j < c1.length; j++) {
                plain[block * 32 + j] = (byte) (c1[block * 32 + j] ^ ki[j]);
            }
        }
        return Optional.of(Arrays.copyOf(plain, Math.min(numBytes, plain.length)));
    }

    /** k_i = HMAC(k, b(i, 4) ∥ Label ∥ 0x00 ∥ Context ∥ b(8·numBytes, 4)), as egk-ec computes it. */
    private byte[] kdf(HashValue k, int i, String context) {
        return kdf(k, i, context, numBytes);
    }

    private static byte[] kdf(HashValue k, int i, String context, int numBytes) {
        return hmac(k.bytes(), Bytes.concat(Bytes.int4(i), KDF_LABEL.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[] {0}, context.getBytes(java.nio.charset.StandardCharsets.UTF_8), Bytes.int4(numBytes * 8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK always provides HmacSHA256", e);
        }
    }

    /**
     * Encrypts contest data under K with nonce ξ (spec 2.1.0 section 3.3.6 as egk-ec implements it):
     * C0 = g^ξ, k = H(H_E; 0x22, K, C0, K^ξ), C1 = the 32-byte blocks of the data XOR k_1, k_2, ...,
     * C2 = HMAC(k_0, C0 ∥ C1).
     */
    public static HashedElGamalCiphertext encrypt(ElectionKey key, String contestId, byte[] data, org.madang.ballot.group.Scalar nonce) {
        Element c0 = key.generatorBase().pow(nonce);
        Element beta = key.publicKeyBase().pow(nonce);
        HashValue k = Hasher.with(key.extendedBaseHash(), 0x22).element(key.publicKey()).element(c0).element(beta).digest();
        String context = KDF_CONTEXT_PREFIX + contestId;
        int blocks = (data.length + 31) / 32;
        byte[] c1 = new byte[blocks * 32];
        for (int block = 0; block < blocks; block++) {
            byte[] ki = kdf(k, block + 1, context, data.length);
            for (int j = 0; j < 32; j++) {
                int at = block * 32 + j;
                c1[at] = (byte) ((at < data.length ? data[at] : 0) ^ ki[j]);
            }
        }
        byte[] k0 = kdf(k, 0, context, data.length);
        return new HashedElGamalCiphertext(c0, c1, HashValue.of(hmac(k0, Bytes.concat(c0.encode(), c1))), data.length);
    }

    /** C1 as egk-ec feeds it to the 0x31 challenge hash: upper-case hexadecimal text. */
    String c1AsHashedText() {
        return HexFormat.of().withUpperCase().formatHex(c1);
    }
}
