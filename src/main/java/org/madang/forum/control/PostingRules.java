package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.forum.entity.Forum;
import org.madang.platform.account.entity.Account;
import org.madang.platform.account.entity.IdentityLevel;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.moderation.control.Moderation;
import org.madang.platform.ratelimit.RateLimiter;

/**
 * Who may post, and how much: a confirmed account (a verified resident where the forum asks), not suspended, within
 * the per-account rate, a new account within its first-day allowance, and never the same text twice in a row.
 */
@ApplicationScoped
public class PostingRules {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    RateLimiter limiter;

    @Inject
    Moderation moderation;

    @Inject
    @ConfigProperty(name = "madang.forum.posts-per-minute", defaultValue = "6")
    int postsPerMinute;

    @Inject
    @ConfigProperty(name = "madang.forum.new-account-hours", defaultValue = "24")
    int newAccountHours;

    @Inject
    @ConfigProperty(name = "madang.forum.new-account-posts-per-day", defaultValue = "20")
    int newAccountPostsPerDay;

    @Inject
    @ConfigProperty(name = "madang.forum.duplicate-window-minutes", defaultValue = "10")
    int duplicateWindowMinutes;

    Clock clock = Clock.systemUTC();

    /** The author's account, after every check that does not depend on the text. */
    Account mayPost(UUID authorId, Forum forum) {
        Account author = em.find(Account.class, authorId);
        if (author == null || author.identityLevel() == IdentityLevel.UNVERIFIED) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forum.registrationRequired");
        }
        if (forum.residentsOnly() && author.identityLevel() != IdentityLevel.VERIFIED_RESIDENT) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forum.residentsOnly");
        }
        moderation.suspendedUntil(authorId).ifPresent(until -> {
            throw new ProblemException(ProblemType.FORBIDDEN, "forum.suspended", until.toString());
        });
        Instant now = clock.instant();
        if (author.createdAt().isAfter(now.minus(Duration.ofHours(newAccountHours)))) {
            long today = em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.authorId = :a AND p.createdAt > :since", Long.class)
                    .setParameter("a", authorId).setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult();
            if (today >= newAccountPostsPerDay) {
                throw new ProblemException(ProblemType.RATE_LIMITED, "forum.newAccountLimit", newAccountPostsPerDay);
            }
        }
        if (!limiter.tryAcquire("forum-posts:" + authorId, postsPerMinute, Duration.ofMinutes(1))) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "rateLimited");
        }
        return author;
    }

    /** 409 when the author wrote the same (normalised) text within the window. */
    void notDuplicate(UUID authorId, String bodyHash) {
        boolean repeated = !em.createQuery("SELECT p.id FROM Post p WHERE p.authorId = :a AND p.bodyHash = :h AND p.createdAt > :since AND p.deleted = FALSE")
                .setParameter("a", authorId).setParameter("h", bodyHash)
                .setParameter("since", clock.instant().minus(Duration.ofMinutes(duplicateWindowMinutes)))
                .setMaxResults(1).getResultList().isEmpty();
        if (repeated) throw new ProblemException(ProblemType.CONFLICT, "forum.duplicate");
    }
}
