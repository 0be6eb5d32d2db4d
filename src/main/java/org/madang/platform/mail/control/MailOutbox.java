package org.madang.platform.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.madang.platform.mail.entity.MailMessage;

/** Queues mail in the database; {@link MailSender} delivers it when SMTP is configured. */
@ApplicationScoped
public class MailOutbox {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRED)
    public MailMessage enqueue(String recipient, String subject, String body) {
        var message = new MailMessage(recipient, subject, body, clock.instant());
        em.persist(message);
        return message;
    }

    /** Newest first, for the administrators' outbox page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MailMessage> page(java.time.Instant before, int limit) {
        return em.createQuery("SELECT m FROM MailMessage m WHERE m.createdAt < :before ORDER BY m.createdAt DESC, m.id",
                        MailMessage.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }
}
