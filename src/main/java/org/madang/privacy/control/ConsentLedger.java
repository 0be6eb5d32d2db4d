package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.personaldata.ConsentPurpose;
import org.madang.platform.personaldata.ConsentWithdrawn;
import org.madang.platform.personaldata.Consents;
import org.madang.privacy.entity.ConsentEvent;

/**
 * The consent ledger: versioned texts per purpose, and an append-only record of each grant and withdrawal. The
 * current state is the latest event, read on every question, so a withdrawal counts from the next call on.
 */
@ApplicationScoped
public class ConsentLedger implements Consents {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<ConsentWithdrawn> withdrawn;

    Clock clock = Clock.systemUTC();

    /** The text a person agrees to: the latest version for its purpose. */
    public record Text(ConsentPurpose purpose, int version, String textKo, String textEn, Instant publishedAt) {
    }

    /** A person's consent for one purpose: the current text, and what they last said (if anything). */
    public record State(Text text, boolean granted, Integer agreedVersion, Instant since) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<ConsentPurpose, Text> currentTexts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.purpose, t.version, t.text_ko, t.text_en, t.published_at "
                + "FROM privacy_consent_text t WHERE t.version = (SELECT MAX(u.version) FROM privacy_consent_text u WHERE u.purpose = t.purpose)")
                .getResultList();
        var texts = new EnumMap<ConsentPurpose, Text>(ConsentPurpose.class);
        for (Object[] row : rows) {
            var purpose = ConsentPurpose.valueOf((String) row[0]);
            texts.put(purpose, new Text(purpose, ((Number) row[1]).intValue(), (String) row[2], (String) row[3], instant(row[4])));
        }
        return texts;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasConsent(UUID accountId, ConsentPurpose purpose) {
        var latest = latest(accountId, purpose);
        return latest != null && latest.granted();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<State> states(UUID accountId) {
        return currentTexts().values().stream().map(text -> {
            var latest = latest(accountId, text.purpose());
            return latest == null ? new State(text, false, null, null)
                    : new State(text, latest.granted(), latest.granted() ? latest.textVersion() : null, latest.at());
        }).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConsentEvent> history(UUID accountId) {
        return em.createQuery("SELECT e FROM ConsentEvent e WHERE e.accountId = :account ORDER BY e.at, e.id", ConsentEvent.class)
                .setParameter("account", accountId).getResultList();
    }

    /** Agrees to the text the person read; a stale version (the text changed meanwhile) is refused. */
    @Transactional
    public ConsentEvent grant(UUID accountId, ConsentPurpose purpose, int version) {
        var text = currentTexts().get(purpose);
        if (text == null) throw ProblemException.notFound(purpose.name());
        if (text.version() != version) {
            throw new ProblemException(ProblemType.CONFLICT, "privacy.consent.version", text.version());
        }
        return append(accountId, purpose, version, true);
    }

    @Transactional
    public ConsentEvent withdraw(UUID accountId, ConsentPurpose purpose) {
        var latest = latest(accountId, purpose);
        var text = currentTexts().get(purpose);
        if (text == null) throw ProblemException.notFound(purpose.name());
        return append(accountId, purpose, latest == null ? text.version() : latest.textVersion(), false);
    }

    @Override
    @Transactional
    public void record(UUID accountId, ConsentPurpose purpose, boolean granted) {
        var latest = latest(accountId, purpose);
        if (!granted) {
            if (latest != null && latest.granted()) withdraw(accountId, purpose);
            return;
        }
        var text = currentTexts().get(purpose);
        if (text == null) throw ProblemException.notFound(purpose.name());
        if (latest == null || !latest.granted() || latest.textVersion() != text.version()) append(accountId, purpose, text.version(), true);
    }

    /** Part of erasure: the person's ledger goes with their account. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseHistory(UUID accountId) {
        return em.createQuery("DELETE FROM ConsentEvent e WHERE e.accountId = :account").setParameter("account", accountId).executeUpdate();
    }

    private ConsentEvent append(UUID accountId, ConsentPurpose purpose, int version, boolean granted) {
        // the latest event is the current state, so a new one must sort after it even within one microsecond
        var previous = latest(accountId, purpose);
        Instant at = clock.instant();
        if (previous != null && !at.isAfter(previous.at())) at = previous.at().plusNanos(1000);
        var event = new ConsentEvent(accountId, purpose, version, granted, at);
        em.persist(event);
        if (!granted) withdrawn.fire(new ConsentWithdrawn(accountId, purpose));
        audit.record(accountId.toString(), granted ? "consent.granted" : "consent.withdrawn", "account:" + accountId,
                purpose + " v" + version);
        return event;
    }

    private ConsentEvent latest(UUID accountId, ConsentPurpose purpose) {
        var events = em.createQuery("SELECT e FROM ConsentEvent e WHERE e.accountId = :account AND e.purpose = :purpose "
                        + "ORDER BY e.at DESC", ConsentEvent.class)
                .setParameter("account", accountId).setParameter("purpose", purpose)
                .setMaxResults(1).getResultList();
        return events.isEmpty() ? null : events.get(0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) return instant;
        if (value instanceof java.time.OffsetDateTime offset) return offset.toInstant();
        if (value instanceof java.sql.Timestamp timestamp) return timestamp.toInstant();
        if (value instanceof java.time.ZonedDateTime zoned) return zoned.toInstant();
        return null;
    }
}
