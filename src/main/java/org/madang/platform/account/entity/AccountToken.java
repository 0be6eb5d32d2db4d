package org.madang.platform.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.PersonalData;

/**
 * A secret sent to a person (e-mail link) or kept by their browser (refresh token). Only its SHA-256 is stored, so
 * a copy of the database cannot be used to sign in or reset passwords.
 */
@Entity
@Table(name = "account_token")
public class AccountToken {

    public enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET, EMAIL_CHANGE, REFRESH }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    /** The new address of an e-mail change (contact data: encrypted at rest like the account's address). */
    @jakarta.persistence.Convert(converter = org.madang.platform.personaldata.EncryptedString.class)
    @PersonalData(what = "A pending new e-mail address", whatKo = "변경 대기 중인 새 이메일 주소",
            purpose = "Confirming an e-mail change",
            legalBasis = LegalBasis.CONTRACT, retention = "until the token expires (at most 7 days), then deleted by the retention job",
            protectedAtRest = true)
    private String payload;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountToken() {
    }

    private AccountToken(UUID accountId, Purpose purpose, String tokenHash, String payload, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.payload = payload;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** A new token and the secret to hand out (never stored). */
    public record Issued(AccountToken token, String secret) {
    }

    public static Issued issue(UUID accountId, Purpose purpose, String payload, Instant now, java.time.Duration lifetime) {
        String secret = newSecret();
        return new Issued(new AccountToken(accountId, purpose, hash(secret), payload, now, now.plus(lifetime)), secret);
    }

    /** 256 random bits, URL-safe: for a link or a cookie. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    public void use(Instant now) {
        usedAt = now;
    }

    public UUID id() { return id; }
    public UUID accountId() { return accountId; }
    public Purpose purpose() { return purpose; }
    public String payload() { return payload; }
    public Instant expiresAt() { return expiresAt; }
    public Instant usedAt() { return usedAt; }
}
