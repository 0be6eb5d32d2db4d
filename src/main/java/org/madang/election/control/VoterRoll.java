package org.madang.election.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.madang.ballot.board.CredentialSignature;
import org.madang.election.entity.Election;
import org.madang.election.entity.Election.State;
import org.madang.election.entity.Voter;
import org.madang.platform.account.control.Accounts;
import org.madang.platform.personaldata.LookupHash;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.IdentityLevel;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Who may vote in an election, and with which ballot: verified residents of the districts the ballot styles name, or
 * an imported roll of e-mail addresses and districts. The roll is frozen when the election opens; a voter's public
 * credential may be registered until the election closes and is published from the opening on.
 */
@ApplicationScoped
public class VoterRoll {

    public static final int MAX_IMPORT_ROWS = 100_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]{1,64}@[^@\\s,]{1,189}");
    private static final Pattern DISTRICT = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern CREDENTIAL = Pattern.compile("0[23][0-9a-f]{64}");

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Elections elections;

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    public record Added(int added, long total) {
    }

    public record Rejected(int line, String reason) {
    }

    @Transactional
    public Added addVerifiedResidents(UUID electionId, UUID actor) {
        Election e = editableRoll(electionId);
        ManifestForm form = Elections.form(e);
        // a registrar records a resident's district in words ("서울특별시 종로구") or as a code: both name a district
        java.util.Map<String, String> districtByName = new java.util.HashMap<>();
        for (ManifestForm.District d : form.districts()) {
            if (form.styleFor(d.id()) == null) continue;
            districtByName.put(d.id(), d.id());
            districtByName.put(d.nameKo().strip(), d.id());
            districtByName.put(d.nameEn().strip(), d.id());
        }
        List<Account> residents = em.createQuery("SELECT a FROM Account a WHERE a.identityLevel = :level AND a.residentDistrict IN :d",
                        Account.class).setParameter("level", IdentityLevel.VERIFIED_RESIDENT)
                .setParameter("d", districtByName.keySet()).getResultList();
        Set<String> present = emails(electionId);
        int added = 0;
        for (Account a : residents) {
            String district = districtByName.get(a.residentDistrict().strip());
            if (present.add(LookupHash.ofEmail(a.email()))) {
                em.persist(new Voter(electionId, a.email(), a.id(), district, form.styleFor(district), Voter.Source.RESIDENT, clock.instant()));
                added++;
            }
        }
        audit.record(actor.toString(), "roll.residents", "election:" + electionId, added + " added");
        return new Added(added, present.size());
    }

    /** Imports {@code email,district} lines after a header; nothing is added unless every line is good. */
    @Transactional
    public Added importCsv(UUID electionId, String csv, UUID actor) {
        Election e = editableRoll(electionId);
        ManifestForm form = Elections.form(e);
        String[] lines = csv.replace("\r\n", "\n").split("\n", -1);
        List<Rejected> rejected = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        if (lines.length == 0 || !lines[0].strip().equalsIgnoreCase("email,district")) {
            rejected.add(new Rejected(1, "header must be: email,district"));
        }
        Set<String> present = emails(electionId);
        Set<String> inFile = new HashSet<>();
        for (int i = 1; i < lines.length && rejected.size() < 100; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            String[] cells = line.split(",", -1);
            if (cells.length != 2) { rejected.add(new Rejected(i + 1, "expected two fields: email,district")); continue; }
            String email = Accounts.normaliseEmail(cells[0].strip());
            String district = cells[1].strip();
            if (!EMAIL.matcher(email).matches()) rejected.add(new Rejected(i + 1, "not an e-mail address"));
            else if (!DISTRICT.matcher(district).matches() || form.styleFor(district) == null) {
                rejected.add(new Rejected(i + 1, "district '" + district + "' is on no ballot style"));
            } else if (!inFile.add(email)) rejected.add(new Rejected(i + 1, "e-mail address appears twice"));
            else if (!present.contains(LookupHash.ofEmail(email))) rows.add(new String[] {email, district});
        }
        if (rows.size() > MAX_IMPORT_ROWS) rejected.add(new Rejected(MAX_IMPORT_ROWS + 2, "more than " + MAX_IMPORT_ROWS + " rows"));
        if (!rejected.isEmpty()) {
            // every bad line at once, so the administrator can fix the file in one go
            throw new ProblemException(ProblemType.UNPROCESSABLE, rejected.stream()
                    .map(r -> new ProblemException.FieldError("line " + r.line(), "roll.badLine", r.reason())).toList(),
                    "roll.badLines", rejected.size());
        }
        for (String[] row : rows) {
            UUID account = accounts.byEmail(row[0]).map(Account::id).orElse(null);
            em.persist(new Voter(electionId, row[0], account, row[1], form.styleFor(row[1]), Voter.Source.IMPORT, clock.instant()));
        }
        audit.record(actor.toString(), "roll.import", "election:" + electionId, rows.size() + " added");
        return new Added(rows.size(), present.size() + rows.size());
    }

    private Election editableRoll(UUID electionId) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.DRAFT, State.KEY_CEREMONY, State.READY);
        if (e.manifestForm() == null) throw new ProblemException(ProblemType.CONFLICT, "election.noManifest");
        return e;
    }

    /** The keyed hashes of the addresses on the roll (the addresses themselves are encrypted). */
    private Set<String> emails(UUID electionId) {
        return new HashSet<>(em.createQuery("SELECT v.emailLookup FROM Voter v WHERE v.electionId = :e", String.class)
                .setParameter("e", electionId).getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Elections.Page<Voter> page(UUID electionId, int page, int size) {
        elections.byId(electionId);
        var items = em.createQuery("SELECT v FROM Voter v WHERE v.electionId = :e ORDER BY v.addedAt, v.id", Voter.class)
                .setParameter("e", electionId).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Elections.Page<>(items, page, size, count(electionId, false));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID electionId, boolean withCredential) {
        return em.createQuery("SELECT COUNT(v) FROM Voter v WHERE v.electionId = :e"
                + (withCredential ? " AND v.credential IS NOT NULL" : ""), Long.class).setParameter("e", electionId).getSingleResult();
    }

    /** The caller's place on the roll, matched by account or, for imported rolls, by their (verified) e-mail address. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Voter> voter(UUID electionId, Account account) {
        return em.createQuery("SELECT v FROM Voter v WHERE v.electionId = :e AND (v.accountId = :a OR (v.accountId IS NULL AND v.emailLookup = :m))",
                        Voter.class).setParameter("e", electionId).setParameter("a", account.id()).setParameter("m", LookupHash.ofEmail(account.email()))
                .getResultList().stream().filter(v -> v.accountId() != null || account.emailVerifiedAt() != null).findFirst();
    }

    @Transactional
    public void registerCredential(UUID electionId, Account account, String credentialHex) {
        Election e = elections.locked(electionId);
        Elections.requireState(e, State.DRAFT, State.KEY_CEREMONY, State.READY, State.OPEN);
        String credential = credentialHex == null ? "" : credentialHex.toLowerCase();
        if (!CREDENTIAL.matcher(credential).matches()) throw ProblemException.invalid("credential", "roll.credentialFormat");
        try {
            CredentialSignature.decodeCredential(HexFormat.of().parseHex(credential));
        } catch (IllegalArgumentException ex) {
            throw ProblemException.invalid("credential", "roll.credentialFormat");
        }
        Voter voter = voter(electionId, account).orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "roll.notEligible"));
        if (credential.equals(voter.credential())) return;
        if (voter.credential() != null) throw new ProblemException(ProblemType.CONFLICT, "roll.credentialRegistered");
        long taken = em.createQuery("SELECT COUNT(v) FROM Voter v WHERE v.electionId = :e AND v.credential = :c", Long.class)
                .setParameter("e", electionId).setParameter("c", credential).getSingleResult();
        if (taken > 0) throw new ProblemException(ProblemType.CONFLICT, "roll.credentialTaken");
        voter.registerCredential(credential);
        audit.record(account.id().toString(), "roll.credential", "election:" + electionId, credential);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> credentials(UUID electionId) {
        return em.createQuery("SELECT v.credential FROM Voter v WHERE v.electionId = :e AND v.credential IS NOT NULL ORDER BY v.credential",
                String.class).setParameter("e", electionId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Voter> byCredential(UUID electionId, String credential) {
        return em.createQuery("SELECT v FROM Voter v WHERE v.electionId = :e AND v.credential = :c", Voter.class)
                .setParameter("e", electionId).setParameter("c", credential).getResultList().stream().findFirst();
    }
}
