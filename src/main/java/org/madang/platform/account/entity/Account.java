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
import org.madang.platform.personaldata.EncryptedString;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.LookupHash;
import org.madang.platform.personaldata.PersonalData;

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
    @jakarta.persistence.Convert(converter = EncryptedString.class)
    @PersonalData(what = "E-mail address", whatKo = "이메일 주소",
            purpose = "Sign-in, account and service mail",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased", protectedAtRest = true)
    private String email;
    /** HMAC of the normalised address ({@link LookupHash}): finds an account by exact address although it is encrypted. */
    @Column(name = "email_lookup", nullable = false)
    @PersonalData(what = "Keyed hash of the e-mail address", whatKo = "이메일 주소의 키 해시",
            purpose = "Finding the account by its exact address at sign-in, sign-up and address change",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then the hash of an erased placeholder)")
    private String emailLookup;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "display_name", nullable = false)
    @PersonalData(what = "Display name", whatKo = "표시 이름",
            purpose = "Shown beside what the person writes in public",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased (then replaced by a pseudonym)")
    private String displayName;
    @Column(nullable = false)
    private String locale;
    @Enumerated(EnumType.STRING)
    @Column(name = "identity_level", nullable = false)
    private IdentityLevel identityLevel;
    @Column(name = "email_verified_at")
    @PersonalData(what = "When the e-mail address was confirmed", whatKo = "이메일 확인 일시",
            purpose = "Proof that the address belongs to the person",
            legalBasis = LegalBasis.CONTRACT, retention = "until the account is erased")
    private Instant emailVerifiedAt;
    @Column(name = "resident_verified_at")
    @PersonalData(what = "When residence was verified", whatKo = "거주 확인 일시",
            purpose = "Eligibility for resident-only polls and elections",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased")
    private Instant residentVerifiedAt;
    @Column(name = "resident_verified_by")
    @PersonalData(what = "Which registrar verified residence", whatKo = "거주를 확인한 등록 담당자",
            purpose = "Accountability of resident verification",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased")
    private UUID residentVerifiedBy;
    @Column(name = "resident_district")
    @jakarta.persistence.Convert(converter = EncryptedString.class)
    @PersonalData(what = "District of residence", whatKo = "거주 지역(시·군·구)",
            purpose = "Eligibility for district polls and elections",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "until the account is erased", protectedAtRest = true)
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
    @Column(name = "erased_at")
    private Instant erasedAt;
    @Version
    private int version;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    private List<RoleGrant> roles = new ArrayList<>();

    protected Account() {
    }

    public Account(String email, String passwordHash, String displayName, String locale, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.emailLookup = LookupHash.ofEmail(email);
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
        emailLookup = LookupHash.ofEmail(newEmail);
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

    /** Residence vouched for by the configured identity provider (its verified-identity claim), not a registrar. */
    public void verifiedAsResidentByProvider(Instant now) {
        identityLevel = IdentityLevel.VERIFIED_RESIDENT;
        residentVerifiedAt = now;
        residentVerifiedBy = null;
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

    /**
     * Erasure: the row stays (votes, posts and logs refer to it) but nothing in it names the person any more. The
     * address becomes one that cannot receive mail, the password one nobody knows, the name the pseudonym.
     */
    public void erase(String pseudonymDisplayName, String unusablePasswordHash, Instant now) {
        email = "erased-" + id + "@erased.invalid";
        emailLookup = LookupHash.ofEmail(email);
        displayName = pseudonymDisplayName;
        passwordHash = unusablePasswordHash;
        residentDistrict = null;
        totpSecret = null;
        totpEnabled = false;
        roles.clear();
        erasedAt = now;
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
    public Instant erasedAt() { return erasedAt; }
    public int version() { return version; }
    public List<RoleGrant> roles() { return List.copyOf(roles); }
}
