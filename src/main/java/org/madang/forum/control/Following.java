package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.forum.entity.DigestPreference;
import org.madang.forum.entity.DigestPreference.Mode;
import org.madang.forum.entity.Follow;
import org.madang.forum.entity.Post;
import org.madang.platform.account.entity.Account;
import org.madang.platform.mail.control.MailOutbox;
import org.madang.platform.text.PlainText;

/** Following threads, and telling followers of new replies: at once, in a daily digest, or not at all. */
@ApplicationScoped
public class Following {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    MailOutbox outbox;

    @Inject
    @ConfigProperty(name = "madang.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    Clock clock = Clock.systemUTC();

    @Transactional
    public void follow(UUID threadId, UUID accountId) {
        if (em.find(Follow.class, new Follow.Key(threadId, accountId)) == null) {
            em.persist(new Follow(threadId, accountId, clock.instant()));
        }
    }

    @Transactional
    public void unfollow(UUID threadId, UUID accountId) {
        var follow = em.find(Follow.class, new Follow.Key(threadId, accountId));
        if (follow != null) em.remove(follow);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean follows(UUID threadId, UUID accountId) {
        return accountId != null && em.find(Follow.class, new Follow.Key(threadId, accountId)) != null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Mode mode(UUID accountId) {
        var preference = em.find(DigestPreference.class, accountId);
        return preference == null ? Mode.IMMEDIATE : preference.mode();
    }

    @Transactional
    public Mode choose(UUID accountId, Mode mode) {
        var preference = em.find(DigestPreference.class, accountId);
        if (preference == null) em.persist(new DigestPreference(accountId, mode, clock.instant()));
        else preference.choose(mode);
        return mode;
    }

    /** Mail to the thread's followers who want it at once (not the one who replied). */
    @Transactional(Transactional.TxType.MANDATORY)
    void replied(Post reply, Post thread) {
        List<Account> followers = em.createQuery("SELECT a FROM Account a, Follow f WHERE f.threadId = :t AND f.accountId = a.id AND a.id <> :author"
                        + " AND NOT EXISTS (SELECT d FROM DigestPreference d WHERE d.accountId = a.id AND d.mode <> :immediate)", Account.class)
                .setParameter("t", thread.id()).setParameter("author", reply.authorId()).setParameter("immediate", Mode.IMMEDIATE)
                .getResultList();
        for (Account follower : followers) {
            boolean korean = !"en".equals(follower.locale());
            outbox.enqueue(follower.email(),
                    (korean ? "[마당] 새 답글: " : "[Madang] New reply: ") + thread.title(),
                    (korean ? reply.authorName() + " 님이 답글을 남겼습니다:\n\n" : reply.authorName() + " replied:\n\n")
                            + PlainText.excerpt(reply.bodyMarkdown(), 500) + "\n\n" + link(thread.id())
                            + (korean ? "\n\n알림 설정은 토론 페이지에서 바꿀 수 있습니다." : "\n\nChange how you hear of replies on the forums page."));
        }
    }

    private String link(UUID threadId) {
        return publicUrl + "/forums/thread.html?id=" + threadId;
    }

    /**
     * One mail per person who chose the daily digest and has new visible replies (by others) in the threads they
     * follow since their last digest, for those whose last digest is at least {@code gap} old. Returns how many mails
     * were queued.
     */
    @Transactional
    public int sendDigests(java.time.Duration gap) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        var preferences = em.createQuery("SELECT d FROM DigestPreference d WHERE d.mode = :daily AND d.lastDigestAt <= :due", DigestPreference.class)
                .setParameter("daily", Mode.DAILY).setParameter("due", now.minus(gap)).getResultList();
        for (DigestPreference preference : preferences) {
            List<Post> replies = em.createQuery("SELECT p FROM Post p, Follow f WHERE f.accountId = :a AND p.threadId = f.threadId"
                            + " AND p.depth > 0 AND p.authorId <> :a AND p.createdAt > :since AND p.createdAt <= :now"
                            + " AND p.state = :visible AND p.deleted = FALSE ORDER BY p.threadId, p.createdAt", Post.class)
                    .setParameter("a", preference.accountId()).setParameter("since", preference.lastDigestAt())
                    .setParameter("now", now).setParameter("visible", Post.State.VISIBLE).setMaxResults(200).getResultList();
            preference.digestSent(now);
            if (replies.isEmpty()) continue;
            Account reader = em.find(Account.class, preference.accountId());
            if (reader == null) continue;
            boolean korean = !"en".equals(reader.locale());
            var body = new StringBuilder(korean ? "팔로우하는 토론의 새 답글입니다.\n" : "New replies in the threads you follow.\n");
            UUID current = null;
            for (Post reply : replies) {
                if (!reply.threadId().equals(current)) {
                    current = reply.threadId();
                    body.append("\n").append(link(current)).append("\n");
                }
                body.append("- ").append(reply.authorName()).append(": ").append(PlainText.excerpt(reply.bodyMarkdown(), 200)).append("\n");
            }
            outbox.enqueue(reader.email(), korean ? "[마당] 오늘의 토론 요약 (" + replies.size() + ")"
                    : "[Madang] Your daily forum digest (" + replies.size() + ")", body.toString());
            sent++;
        }
        return sent;
    }
}
