package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.madang.forum.entity.Attachment;
import org.madang.forum.entity.DigestPreference;
import org.madang.forum.entity.Follow;
import org.madang.forum.entity.Post;
import org.madang.forum.entity.PostRevision;
import org.madang.forum.entity.Reaction;
import org.madang.platform.personaldata.PersonalDataField;
import org.madang.platform.personaldata.PersonalDataHolder;
import org.madang.platform.personaldata.Pseudonym;

/**
 * A person's forum posts (with their earlier versions and attachments), reactions, followed threads and digest
 * choice. Erasure keeps posts readable under the pseudonym, or leaves tombstones when the person asked for their
 * contributions to go; who agreed with what, what they followed and how they wanted mail go either way.
 */
@ApplicationScoped
public class ForumPersonalData implements PersonalDataHolder {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    ForumIndexing indexing;

    @Inject
    ThreadPages pages;

    Clock clock = Clock.systemUTC();

    @Override
    public String section() { return "forum"; }

    @Override
    public List<PersonalDataField> fields() {
        return PersonalDataField.declaredIn(Post.class, PostRevision.class, Attachment.class);
    }

    @Override
    public JsonObject export(UUID accountId) {
        var posts = Json.createArrayBuilder();
        for (Post p : posts(accountId)) {
            var revisions = Json.createArrayBuilder();
            em.createQuery("SELECT r FROM PostRevision r WHERE r.postId = :p ORDER BY r.writtenAt", PostRevision.class)
                    .setParameter("p", p.id()).getResultList().forEach(r -> revisions.add(Json.createObjectBuilder()
                            .add("title", r.title() == null ? "" : r.title()).add("text", r.bodyMarkdown())
                            .add("writtenAt", r.writtenAt().toString())));
            var files = Json.createArrayBuilder();
            em.createQuery("SELECT a FROM Attachment a WHERE a.postId = :p ORDER BY a.createdAt", Attachment.class)
                    .setParameter("p", p.id()).getResultList().forEach(a -> files.add(Json.createObjectBuilder()
                            .add("fileName", a.fileName()).add("contentType", a.contentType()).add("sizeBytes", a.sizeBytes())
                            .add("sha256", a.sha256())));
            posts.add(Json.createObjectBuilder().add("id", p.id().toString()).add("threadId", p.threadId().toString())
                    .add("title", p.title() == null ? "" : p.title()).add("text", p.bodyMarkdown()).add("authorName", p.authorName())
                    .add("state", p.state().name()).add("deleted", p.deleted()).add("createdAt", p.createdAt().toString())
                    .add("earlierVersions", revisions).add("attachments", files));
        }
        var reactions = Json.createArrayBuilder();
        em.createQuery("SELECT r FROM Reaction r WHERE r.accountId = :a", Reaction.class).setParameter("a", accountId)
                .getResultList().forEach(r -> reactions.add(Json.createObjectBuilder().add("postId", r.postId().toString())
                        .add("reaction", r.kind().name())));
        var follows = Json.createArrayBuilder();
        em.createQuery("SELECT f FROM Follow f WHERE f.accountId = :a", Follow.class).setParameter("a", accountId)
                .getResultList().forEach(f -> follows.add(f.threadId().toString()));
        var digest = em.find(DigestPreference.class, accountId);
        return Json.createObjectBuilder().add("posts", posts).add("reactions", reactions).add("followedThreads", follows)
                .add("digest", digest == null ? "OFF" : digest.mode().name()).build();
    }

    @Override
    public void pseudonymise(UUID accountId, Pseudonym pseudonym) {
        var threads = new HashSet<UUID>();
        for (Post p : posts(accountId)) {
            p.renameAuthor(pseudonym.displayName());
            threads.add(p.threadId());
        }
        threads.forEach(pages::changed);
    }

    @Override
    public void erase(UUID accountId, boolean withContributions) {
        if (withContributions) {
            var threads = new HashSet<UUID>();
            for (Post p : posts(accountId)) {
                p.erase(clock.instant());
                indexing.changed(p);
                threads.add(p.threadId());
            }
            em.createQuery("DELETE FROM PostRevision r WHERE r.postId IN (SELECT p.id FROM Post p WHERE p.authorId = :a)")
                    .setParameter("a", accountId).executeUpdate();
            em.createQuery("DELETE FROM Attachment x WHERE x.postId IN (SELECT p.id FROM Post p WHERE p.authorId = :a)")
                    .setParameter("a", accountId).executeUpdate();
            threads.forEach(pages::changed);
        }
        // the counts on posts stay (they are no one's); who reacted does not
        em.createQuery("DELETE FROM Reaction r WHERE r.accountId = :a").setParameter("a", accountId).executeUpdate();
        em.createQuery("DELETE FROM Follow f WHERE f.accountId = :a").setParameter("a", accountId).executeUpdate();
        em.createQuery("DELETE FROM DigestPreference d WHERE d.accountId = :a").setParameter("a", accountId).executeUpdate();
    }

    private List<Post> posts(UUID accountId) {
        return em.createQuery("SELECT p FROM Post p WHERE p.authorId = :a ORDER BY p.createdAt", Post.class)
                .setParameter("a", accountId).getResultList();
    }
}
