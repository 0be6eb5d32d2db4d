package org.madang.poll.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.IdentityLevel;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.organisation.entity.Organisation;
import org.madang.platform.personaldata.ConsentPurpose;
import org.madang.platform.personaldata.ConsentWithdrawn;
import org.madang.platform.personaldata.Consents;
import org.madang.poll.entity.AttributeConsent;
import org.madang.poll.entity.Poll;
import org.madang.poll.entity.PollResponse;

/** Polls: creation and approval, who may answer, answers (one per person, by the database), and results. */
@ApplicationScoped
public class Polls {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Consents consents;

    @Inject
    PollPersonalData personalData;

    Clock clock = Clock.systemUTC();

    public record Option(String ko, String en) {
    }

    public static List<Option> options(Poll poll) {
        return List.of(JSONB.fromJson(poll.optionsJson(), Option[].class));
    }

    public static String optionsJson(List<Option> options) {
        return JSONB.toJson(options);
    }

    public Instant now() { return clock.instant(); }

    @Transactional
    public Poll create(Poll.Settings settings, boolean proposal, UUID actor) {
        check(settings);
        Poll poll = new Poll(settings, proposal ? Poll.State.PROPOSED : Poll.State.PUBLISHED, actor, clock.instant());
        em.persist(poll);
        audit.record(actor.toString(), proposal ? "poll.proposed" : "poll.created", "poll:" + poll.id(),
                settings.questionKo() + " / " + settings.questionEn());
        return poll;
    }

    void check(Poll.Settings s) {
        if (s.organisationId() != null && em.find(Organisation.class, s.organisationId()) == null) {
            throw ProblemException.invalid("organisationId", "poll.unknownOrganisation");
        }
        int n = JSONB.fromJson(s.optionsJson(), Option[].class).length;
        if (!s.closesAt().isAfter(s.opensAt())) throw ProblemException.invalid("closesAt", "poll.closesBeforeOpening");
        if (!s.closesAt().isAfter(clock.instant())) throw ProblemException.invalid("closesAt", "poll.closingPassed");
        switch (s.kind()) {
            case SINGLE, RANKED -> {
                if (n < 2) throw ProblemException.invalid("options", "poll.tooFewOptions");
            }
            case MULTIPLE -> {
                if (n < 2) throw ProblemException.invalid("options", "poll.tooFewOptions");
                if (s.minChoices() < 1 || s.maxChoices() < s.minChoices() || s.maxChoices() > n) {
                    throw ProblemException.invalid("maxChoices", "poll.badChoiceLimits");
                }
            }
            case RATING -> {
                if (n != 2) throw ProblemException.invalid("options", "poll.ratingNeedsTwoLabels");
                if (s.minChoices() < 0 || s.minChoices() > 1 || s.maxChoices() < 2 || s.maxChoices() > 10) {
                    throw ProblemException.invalid("maxChoices", "poll.badScale");
                }
            }
        }
        if (s.audience() == Poll.Audience.DISTRICTS && s.districts().isEmpty()) {
            throw ProblemException.invalid("districts", "poll.districtsRequired");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Poll byId(UUID id) {
        Poll poll = id == null ? null : em.find(Poll.class, id);
        if (poll == null) throw ProblemException.notFound("poll");
        return poll;
    }

    /** A poll the viewer may see: proposals and rejected ones only to moderators and to whoever proposed them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Poll visible(UUID id, UUID viewer, boolean moderator) {
        Poll poll = byId(id);
        if (poll.state() != Poll.State.PUBLISHED && !moderator && !poll.proposedBy().equals(viewer)) {
            throw ProblemException.notFound("poll");
        }
        return poll;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Poll> list(UUID viewer, boolean moderator, int page, int size) {
        String where = moderator ? "" : viewer == null ? " WHERE p.state = :published"
                : " WHERE (p.state = :published OR p.proposedBy = :viewer)";
        var query = em.createQuery("SELECT p FROM Poll p" + where + " ORDER BY p.opensAt DESC, p.id", Poll.class);
        if (!moderator) query.setParameter("published", Poll.State.PUBLISHED);
        if (!moderator && viewer != null) query.setParameter("viewer", viewer);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Transactional
    public Poll decide(UUID id, boolean approve, UUID moderator) {
        Poll poll = em.find(Poll.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (poll == null) throw ProblemException.notFound("poll");
        if (poll.state() != Poll.State.PROPOSED) throw new ProblemException(ProblemType.CONFLICT, "poll.notProposed");
        poll.decide(approve, moderator);
        audit.record(moderator.toString(), approve ? "poll.approved" : "poll.rejected", "poll:" + id, poll.questionKo());
        return poll;
    }

    /** Result visibility only ever tightens: LIVE → AFTER_VOTING → AFTER_CLOSE. */
    @Transactional
    public Poll changeVisibility(UUID id, Poll.Visibility to, UUID actor) {
        Poll poll = em.find(Poll.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (poll == null) throw ProblemException.notFound("poll");
        if (to.ordinal() < poll.visibility().ordinal()) throw new ProblemException(ProblemType.CONFLICT, "poll.visibilityLoosened");
        if (to != poll.visibility()) {
            poll.tighten(to);
            audit.record(actor.toString(), "poll.visibilityTightened", "poll:" + id, to.name());
        }
        return poll;
    }

    /** Why the person may not answer, or empty when they may. */
    public Optional<String> ineligibility(Poll poll, Account account) {
        boolean verified = account.identityLevel() == IdentityLevel.VERIFIED_RESIDENT;
        return switch (poll.audience()) {
            case SIGNED_IN -> Optional.empty();
            case VERIFIED_RESIDENTS -> verified ? Optional.empty() : Optional.of("poll.residentsOnly");
            case DISTRICTS -> verified && poll.districts().contains(account.residentDistrict())
                    ? Optional.empty() : Optional.of("poll.districtsOnly");
        };
    }

    /** Checks an answer against the poll's kind and limits; returns it as stored (comma-separated). */
    public static String answerText(Poll poll, List<Integer> choices) {
        int n = options(poll).size();
        if (choices == null || choices.isEmpty()) throw ProblemException.invalid("choices", "poll.badAnswer");
        if (choices.stream().anyMatch(java.util.Objects::isNull)) throw ProblemException.invalid("choices", "poll.badAnswer");
        boolean distinct = new HashSet<>(choices).size() == choices.size();
        boolean inRange = choices.stream().allMatch(c -> c >= 0 && c < n);
        boolean ok = switch (poll.kind()) {
            case SINGLE -> choices.size() == 1 && inRange;
            case MULTIPLE -> distinct && inRange && choices.size() >= poll.minChoices() && choices.size() <= poll.maxChoices();
            case RATING -> choices.size() == 1 && choices.get(0) >= poll.minChoices() && choices.get(0) <= poll.maxChoices();
            case RANKED -> distinct && inRange;
        };
        if (!ok) throw ProblemException.invalid("choices", "poll.badAnswer");
        return String.join(",", choices.stream().map(String::valueOf).toList());
    }

    public static int[] parse(String answer) {
        String[] parts = answer.split(",");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) values[i] = Integer.parseInt(parts[i]);
        return values;
    }

    /**
     * Records or changes the person's answer. Two requests of one person racing each other meet at the database's
     * unique constraint; the caller retries the loser once, which then finds the winner's row (see PollsResource).
     */
    @Transactional
    public PollResponse respond(UUID pollId, Account account, List<Integer> choices) {
        Poll poll = byId(pollId);
        Instant now = clock.instant();
        if (poll.state() != Poll.State.PUBLISHED) throw ProblemException.notFound("poll");
        if (!poll.isOpen(now)) throw new ProblemException(ProblemType.CONFLICT, "poll.notOpen");
        ineligibility(poll, account).ifPresent(reason -> {
            throw new ProblemException(ProblemType.FORBIDDEN, reason);
        });
        String answer = answerText(poll, choices);
        PollResponse.Attributes attributes = attributes(account, now);
        Optional<PollResponse> existing = responseOf(pollId, account.id());
        if (existing.isPresent()) {
            if (!poll.allowChange()) throw new ProblemException(ProblemType.CONFLICT, "poll.alreadyAnswered");
            existing.get().change(answer, attributes, now);
            return existing.get();
        }
        PollResponse response = new PollResponse(pollId, account.id(), answer, attributes, now);
        em.persist(response);
        em.flush();
        return response;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PollResponse> responseOf(UUID pollId, UUID accountId) {
        if (accountId == null) return Optional.empty();
        return em.createQuery("SELECT r FROM PollResponse r WHERE r.pollId = :poll AND r.accountId = :account", PollResponse.class)
                .setParameter("poll", pollId).setParameter("account", accountId).getResultStream().findFirst();
    }

    /** The attributes the person consented to share, as they are at the moment of answering. */
    PollResponse.Attributes attributes(Account account, Instant now) {
        AttributeConsent consent = em.find(AttributeConsent.class, account.id());
        if (consent == null || !consents.hasConsent(account.id(), ConsentPurpose.POLL_DEMOGRAPHICS)) return PollResponse.Attributes.NONE;
        String district = consent.shareDistrict() && account.identityLevel() == IdentityLevel.VERIFIED_RESIDENT
                ? account.residentDistrict() : null;
        return new PollResponse.Attributes(district, ageBand(consent.birthYear(), now), consent.gender());
    }

    static String ageBand(Integer birthYear, Instant now) {
        if (birthYear == null) return null;
        int age = now.atZone(SEOUL).getYear() - birthYear;
        if (age < 20) return "<20";
        if (age >= 70) return "70+";
        int decade = age / 10 * 10;
        return decade + "-" + (decade + 9);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AttributeConsent> consent(UUID accountId) {
        return Optional.ofNullable(em.find(AttributeConsent.class, accountId));
    }

    @Transactional
    public AttributeConsent setConsent(UUID accountId, Integer birthYear, String gender, boolean shareDistrict) {
        int year = clock.instant().atZone(SEOUL).getYear();
        if (birthYear != null && (birthYear < year - 120 || birthYear > year)) {
            throw ProblemException.invalid("birthYear", "poll.badBirthYear");
        }
        if (birthYear == null && gender == null && !shareDistrict) {
            consents.record(accountId, ConsentPurpose.POLL_DEMOGRAPHICS, false);
            personalData.erase(accountId, false); // also when the ledger had nothing to withdraw
            return new AttributeConsent(accountId);
        }
        AttributeConsent consent = em.find(AttributeConsent.class, accountId);
        if (consent == null) {
            consent = new AttributeConsent(accountId);
            consent.set(birthYear, gender, shareDistrict, clock.instant());
            em.persist(consent);
        } else {
            consent.set(birthYear, gender, shareDistrict, clock.instant());
        }
        consents.record(accountId, ConsentPurpose.POLL_DEMOGRAPHICS, true);
        return consent;
    }

    /**
     * The person withdrew consent to poll breakdowns (here or on the My-data page): what they shared goes, and so do
     * the attributes kept with their answers, so no breakdown computed from now on counts them.
     */
    void consentWithdrawn(@Observes ConsentWithdrawn withdrawn) {
        if (withdrawn.purpose() == ConsentPurpose.POLL_DEMOGRAPHICS) personalData.erase(withdrawn.accountId(), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PollResponse> responses(UUID pollId) {
        return new ArrayList<>(em.createQuery("SELECT r FROM PollResponse r WHERE r.pollId = :poll", PollResponse.class)
                .setParameter("poll", pollId).getResultList());
    }

    /** Whether the viewer may see the results now; when not, nothing about them may be shown. */
    public boolean resultsVisible(Poll poll, UUID viewer) {
        if (poll.state() != Poll.State.PUBLISHED) return false;
        return switch (poll.visibility()) {
            case LIVE -> true;
            case AFTER_VOTING -> poll.isClosed(clock.instant()) || responseOf(poll.id(), viewer).isPresent();
            case AFTER_CLOSE -> poll.isClosed(clock.instant());
        };
    }
}
