package org.madang.platform.personaldata;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts a personal-data column at rest with AES-256-GCM: {@code gcm1:<key id>:<base64 of 12-byte nonce and
 * ciphertext with tag>}. A value without the prefix (written before encryption) is read as it is, and re-encrypted
 * by the key rotation job. Use with {@code @Convert(converter = EncryptedString.class)}; the column needs room for
 * about 4/3 × (length in UTF-8 + 28) + 24 characters.
 */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    public static final String PREFIX = "gcm1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12, TAG_BITS = 128;

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return plaintext == null ? null : encrypt(plaintext, FieldKeys.get());
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : decrypt(stored, FieldKeys.get());
    }

    public static String encrypt(String plaintext, FieldKeys keys) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            // the key id is authenticated too, so a ciphertext cannot be relabelled with another key's id
            cipher.updateAAD(keys.currentId().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public static String decrypt(String stored, FieldKeys keys) {
        if (!stored.startsWith(PREFIX)) return stored;
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field encrypted under key " + keyId + " does not decrypt: tampered or wrong key", e);
        }
    }

    /** The key id a stored value is under, or null for plaintext. */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) return null;
        return stored.substring(PREFIX.length(), stored.indexOf(':', PREFIX.length()));
    }
}
