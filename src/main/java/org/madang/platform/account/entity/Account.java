package org.madang.platform.account.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.madang.platform.auth.Role;

/** A person's account: sign-in details, identity level, second factor, roles, and the sign-in lock. */
@Entity
@Table(name = "account")
public class Account {

    /** Failed sign-ins in a row that lock the account for {@link #LOCK_DURATION}. */
    public static final int MAX_FAILED_SIGN_INS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    private UUID id;
    @Column(nullable = false)
    private String email;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(nullable = false)
    private String locale;
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_level", nullable = false)
    private IdentityLevel identityLevel;
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;
    @Column(name = "resident_verified_at")
    private Instant residentVerifiedAt;
    @Column(name = "resident_verified_by")
    private UUID residentVerifiedBy;
    @Column(name = "resident_district")
    private String residentDistrict;
    @Column(name = "totp_secret")
    private String totpSecret;
    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;
    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private int version;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<RoleGrant> roles = new ArrayList<>();

    protected Account() {
    }

    public Account(String email, String passwordHash, String displayName, String locale, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.locale = locale;
        this.identityLevel = IdentityLevel.UNVERIFIED;
        this.createdAt = createdAt;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for a while. */
    public void signInFailed(Instant now) {
        failedSignIns++;
        if (failedSignIns >= MAX_FAILED_SIGN_INS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedSignIns = 0;
        }
    }

    public void signInSucceeded() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    public void emailVerified(Instant now) {
        if (emailVerifiedAt == null) emailVerifiedAt = now;
        if (identityLevel == IdentityLevel.UNVERIFIED) identityLevel = IdentityLevel.REGISTERED;
    }

    public void changeEmail(String newEmail, Instant now) {
        email = newEmail;
        emailVerifiedAt = now;
    }

    public void changePassword(String newHash) {
        passwordHash = newHash;
    }

    public void rename(String newDisplayName) { displayName = newDisplayName; }

    public void chooseLocale(String newLocale) { locale = newLocale; }

    /** Records that a registrar checked this person; no identity number is ever stored, only this fact. */
    public void verifiedAsResident(UUID registrar, String district, Instant now) {
        identityLevel = IdentityLevel.VERIFIED_RESIDENT;
        residentVerifiedAt = now;
        residentVerifiedBy = registrar;
        residentDistrict = district;
    }

    public void startTotpEnrolment(String secret) {
        totpSecret = secret;
        totpEnabled = false;
        totpLastStep = 0;
    }

    public void enableTotp(long step) {
        totpEnabled = true;
        totpLastStep = step;
    }

    public void disableTotp() {
        totpEnabled = false;
        totpSecret = null;
        totpLastStep = 0;
    }

    /** A TOTP code counts once: a step at or before the last one used is a replay. */
    public boolean useTotpStep(long step) {
        if (step <= totpLastStep) return false;
        totpLastStep = step;
        return true;
    }

    public boolean holdsStaffRole() {
        return roles.stream().anyMatch(grant -> grant.role().isStaff());
    }

    public boolean holds(Role role) {
        return roles.stream().anyMatch(grant -> grant.role() == role);
    }

    public RoleGrant grant(Role role, UUID organisationId, UUID grantedBy, Instant now) {
        var existing = roles.stream().filter(g -> g.role() == role && java.util.Objects.equals(g.organisationId(), organisationId)).findFirst();
        if (existing.isPresent()) return existing.get();
        var grant = new RoleGrant(this, role, organisationId, grantedBy, now);
        roles.add(grant);
        return grant;
    }

    public boolean revoke(Role role, UUID organisationId) {
        return roles.removeIf(g -> g.role() == role && java.util.Objects.equals(g.organisationId(), organisationId));
    }

    public UUID id() { return id; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public String displayName() { return displayName; }
    public String locale() { return locale; }
    public IdentityLevel identityLevel() { return identityLevel; }
    public Instant emailVerifiedAt() { return emailVerifiedAt; }
    public Instant residentVerifiedAt() { return residentVerifiedAt; }
    public UUID residentVerifiedBy() { return residentVerifiedBy; }
    public String residentDistrict() { return residentDistrict; }
    public String totpSecret() { return totpSecret; }
    public boolean totpEnabled() { return totpEnabled; }
    public Instant lockedUntil() { return lockedUntil; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }
    public List<RoleGrant> roles() { return List.copyOf(roles); }
}
