package org.madang.election.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.madang.platform.personaldata.LegalBasis;
import org.madang.platform.personaldata.EncryptedString;
import org.madang.platform.personaldata.LookupHash;
import org.madang.platform.personaldata.PersonalData;

/** A person on an election's roll: a verified resident, or an e-mail address from an imported roll. */
@Entity
@Table(name = "election_voter")
public class Voter {

    public enum Source { RESIDENT, IMPORT }

    @Id
    private UUID id;
    @Column(name = "election_id", nullable = false)
    private UUID electionId;
    @Column(nullable = false)
    @jakarta.persistence.Convert(converter = EncryptedString.class)
    @PersonalData(what = "E-mail address on a voter roll", whatKo = "선거인 명부의 이메일 주소",
            purpose = "Who may vote in an election",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "with the election record; replaced by an erased address when the account is erased",
            protectedAtRest = true)
    private String email;
    /** HMAC of the normalised address ({@link LookupHash}): one entry per address and roll, found although encrypted. */
    @Column(name = "email_lookup", nullable = false)
    @PersonalData(what = "Keyed hash of the e-mail address on a voter roll", whatKo = "선거인 명부 이메일 주소의 키 해시",
            purpose = "Keeping each address once per roll and matching a signed-in voter to an imported roll",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "as the address (the hash of the erased placeholder after erasure)")
    private String emailLookup;
    @Column(name = "account_id")
    private UUID accountId;
    @Column(nullable = false)
    @PersonalData(what = "District on a voter roll", whatKo = "선거인 명부의 거주 지역",
            purpose = "Which ballot style the voter gets",
            legalBasis = LegalBasis.PUBLIC_TASK, retention = "with the election record")
    private String district;
    @Column(name = "ballot_style", nullable = false)
    private String ballotStyle;
    @Column(nullable = false)
    private String source;
    /** The public half of the voter's credential (compressed P-256 point, hex); the private half never leaves their device. */
    @Column
    private String credential;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected Voter() {
    }

    public Voter(UUID electionId, String email, UUID accountId, String district, String ballotStyle, Source source, Instant now) {
        this.id = UUID.randomUUID();
        this.electionId = electionId;
        this.email = email;
        this.emailLookup = LookupHash.ofEmail(email);
        this.accountId = accountId;
        this.district = district;
        this.ballotStyle = ballotStyle;
        this.source = source.name();
        this.addedAt = now;
    }

    public void registerCredential(String publicCredential) {
        credential = publicCredential;
    }

    public UUID id() { return id; }
    public UUID electionId() { return electionId; }
    public String email() { return email; }

    /** Replaces the address (erasure of the person's account). */
    public void erase(String placeholder) {
        email = placeholder;
        emailLookup = LookupHash.ofEmail(placeholder);
    }
    public UUID accountId() { return accountId; }
    public String district() { return district; }
    public String ballotStyle() { return ballotStyle; }
    public Source source() { return Source.valueOf(source); }
    public String credential() { return credential; }
}
