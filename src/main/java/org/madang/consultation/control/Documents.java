package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Consultation.State;
import org.madang.consultation.entity.Document;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.files.FileSignatures;

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

    private static final java.util.Set<String> ALLOWED = java.util.Set.of(FileSignatures.PDF, FileSignatures.PNG, FileSignatures.JPEG,
            FileSignatures.ZIP, FileSignatures.OLE);

    /** The file types a ministry publishes, known by their signature rather than by what the uploader claims. */
    public static String sniff(byte[] content) {
        return FileSignatures.binary(content).filter(ALLOWED::contains).orElse(null);
    }

    public static String sha256(byte[] content) {
        return FileSignatures.sha256Hex(content);
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
