package org.madang.platform.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.mail.entity.MailMessage;

/**
 * Delivers queued mail over SMTP every few seconds. Without {@code madang.smtp.host} mail stays queued and
 * administrators read it on the outbox page. Each message is claimed (QUEUED → SENDING) in its own transaction
 * before sending, so two instances never send the same one.
 */
@Singleton
@Startup
@jakarta.ejb.TransactionManagement(jakarta.ejb.TransactionManagementType.BEAN)
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    UserTransaction transaction;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "madang.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "madang.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "madang.smtp.from", defaultValue = "no-reply@madang.example")
    String from;

    @Inject
    @ConfigProperty(name = "madang.smtp.interval-ms", defaultValue = "2000")
    long intervalMillis;

    private final Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (host.isEmpty() || host.get().isBlank()) {
            LOG.info("No SMTP server configured (madang.smtp.host): mail stays in the outbox");
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::sendQueued, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) task.cancel(false);
    }

    void sendQueued() {
        try {
            transaction.begin();
            var ids = em.createQuery("SELECT m.id FROM MailMessage m WHERE m.status = :queued ORDER BY m.createdAt", UUID.class)
                    .setParameter("queued", MailMessage.Status.QUEUED)
                    .setMaxResults(50)
                    .getResultList();
            transaction.commit();
            for (UUID id : ids) {
                if (claim(id)) send(id);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Mail delivery round failed", e);
            rollbackQuietly();
        }
    }

    private boolean claim(UUID id) throws Exception {
        transaction.begin();
        int claimed = em.createQuery("UPDATE MailMessage m SET m.status = :sending WHERE m.id = :id AND m.status = :queued")
                .setParameter("sending", MailMessage.Status.SENDING)
                .setParameter("queued", MailMessage.Status.QUEUED)
                .setParameter("id", id)
                .executeUpdate();
        transaction.commit();
        return claimed == 1;
    }

    private void send(UUID id) throws Exception {
        transaction.begin();
        var message = em.find(MailMessage.class, id);
        try {
            deliver(message);
            message.sent(clock.instant());
        } catch (MessagingException e) {
            message.failed(e.getMessage());
            LOG.log(Level.WARNING, "Mail " + id + " not delivered: " + e.getMessage());
        }
        transaction.commit();
    }

    private void deliver(MailMessage message) throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", host.orElseThrow());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        var session = Session.getInstance(properties);
        var mime = new MimeMessage(session);
        mime.setFrom(new InternetAddress(from));
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        Transport.send(mime);
    }

    private void rollbackQuietly() {
        try {
            transaction.rollback();
        } catch (Exception ignored) {
            // no transaction was active
        }
    }
}
