package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.forum.entity.Attachment;
import org.madang.forum.entity.Post;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.files.FileSignatures;

/** Images and PDFs on posts: the type is read from the bytes, never from the name or the header. */
@ApplicationScoped
public class Attachments {

    public static final int MAX_PER_POST = 5;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    ThreadPages pages;

    @Inject
    Forums forums;

    @Inject
    @ConfigProperty(name = "madang.forum.attachment-max-bytes", defaultValue = "5242880")
    long maxBytes;

    Clock clock = Clock.systemUTC();

    private static final java.util.Set<String> ALLOWED = java.util.Set.of(FileSignatures.PNG, FileSignatures.JPEG, FileSignatures.GIF,
            FileSignatures.WEBP, FileSignatures.PDF);

    /** The content type the bytes are, among those allowed: PNG, JPEG, GIF, WebP, PDF. SVG, HTML and the rest: none. */
    public static Optional<String> sniff(byte[] b) {
        return FileSignatures.binary(b).filter(ALLOWED::contains);
    }

    @Transactional
    public Attachment attach(UUID postId, String fileName, byte[] content, UUID authorId) {
        if (content.length > maxBytes) throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "payloadTooLarge", maxBytes);
        if (content.length == 0) throw ProblemException.invalid("body", "forum.attachmentEmpty");
        Post post = forums.post(postId);
        if (!post.authorId().equals(authorId)) throw ProblemException.forbidden();
        if (post.deleted()) throw new ProblemException(ProblemType.CONFLICT, "forum.deleted");
        String type = sniff(content).orElseThrow(() -> new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "forum.attachmentType"));
        long count = em.createQuery("SELECT COUNT(a) FROM Attachment a WHERE a.postId = :p", Long.class)
                .setParameter("p", postId).getSingleResult();
        if (count >= MAX_PER_POST) throw new ProblemException(ProblemType.CONFLICT, "forum.tooManyAttachments", MAX_PER_POST);
        var attachment = new Attachment(postId, safeName(fileName, type), type, content, FileSignatures.sha256Hex(content), clock.instant());
        em.persist(attachment);
        pages.changed(post.threadId());
        return attachment;
    }

    /** A name fit for a header: letters, digits, dot, dash, underscore; the extension follows the sniffed type. */
    static String safeName(String fileName, String type) {
        String last = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String base = last.replaceAll("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}_-]+", "_");
        if (base.isBlank()) base = "attachment";
        if (base.length() > 100) base = base.substring(0, 100);
        String extension = switch (type) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> "pdf";
        };
        return base + "." + extension;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Attachment attachment(UUID id) {
        Attachment attachment = id == null ? null : em.find(Attachment.class, id);
        if (attachment == null) throw ProblemException.notFound("attachment");
        return attachment;
    }

    /** What a post shows of an attachment (without its bytes). */
    public record Info(UUID id, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    /** The attachments of these posts, without their bytes, by post. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<UUID, List<Info>> of(java.util.Collection<UUID> postIds) {
        var byPost = new java.util.HashMap<UUID, List<Info>>();
        if (postIds.isEmpty()) return byPost;
        List<Object[]> rows = em.createQuery("SELECT a.postId, a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256 FROM Attachment a"
                + " WHERE a.postId IN :p ORDER BY a.createdAt, a.id", Object[].class).setParameter("p", postIds).getResultList();
        for (Object[] r : rows) {
            byPost.computeIfAbsent((UUID) r[0], k -> new java.util.ArrayList<>())
                    .add(new Info((UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(), (String) r[5]));
        }
        return byPost;
    }
}
