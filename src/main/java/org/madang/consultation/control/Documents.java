package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Consultation.State;
import org.madang.consultation.entity.Document;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** Background documents of a consultation: links, and files whose type is read from their first bytes. */
@ApplicationScoped
public class Documents {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Consultations consultations;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The file types a ministry publishes, known by their signature rather than by what the uploader claims. */
    public static String sniff(byte[] content) {
        if (starts(content, "%PDF-".getBytes())) return "application/pdf";
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) return "image/png";
        if (starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) return "image/jpeg";
        // OOXML, ODF and HWPX are ZIP containers; HWP 5 and old Office files are OLE compound files
        if (starts(content, new byte[] {'P', 'K', 3, 4})) return "application/zip";
        if (starts(content, new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1})) {
            return "application/x-ole-storage";
        }
        return null;
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (content[i] != prefix[i]) return false;
        return true;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Document addFile(UUID consultationId, String name, byte[] content, SignedInCaller caller) {
        Consultation c = editable(consultationId, caller);
        String type = sniff(content);
        if (type == null) throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "consultation.documentType");
        Document d = Document.file(c.id(), name, type, sha256(content), content, clock.instant());
        em.persist(d);
        audit.record(caller.accountId().toString(), "consultation.document", "consultation:" + c.id(), name + " sha256 " + d.sha256());
        return d;
    }

    @Transactional
    public Document addLink(UUID consultationId, String name, String url, SignedInCaller caller) {
        Consultation c = editable(consultationId, caller);
        Document d = Document.link(c.id(), name, url, clock.instant());
        em.persist(d);
        audit.record(caller.accountId().toString(), "consultation.document", "consultation:" + c.id(), name + " " + url);
        return d;
    }

    private Consultation editable(UUID consultationId, SignedInCaller caller) {
        Consultation c = consultations.locked(consultationId);
        Consultations.requireOfficial(caller, c);
        Consultations.requireState(c, State.DRAFT);
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Document> of(UUID consultationId) {
        return em.createQuery("SELECT d FROM Document d WHERE d.consultationId = :c ORDER BY d.createdAt, d.id", Document.class)
                .setParameter("c", consultationId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Document byId(UUID consultationId, UUID id) {
        Document d = id == null ? null : em.find(Document.class, id);
        if (d == null || !d.consultationId().equals(consultationId)) throw ProblemException.notFound("document");
        return d;
    }
}
