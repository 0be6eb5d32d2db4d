package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.madang.disclosure.entity.DisclosureDocument;
import org.madang.disclosure.entity.DisclosureRequest;
import org.madang.disclosure.entity.DisclosureRequest.Decision;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Documents released with a decision to disclose. The marked-up text an official sends is rendered by
 * {@link RedactedText} before anything is written, and only that rendering is kept: no endpoint, export, search or
 * feed can serve a withheld passage because none is stored.
 */
@ApplicationScoped
public class DisclosureDocuments {

    /** 256 KiB of UTF-8: a long text document, far below what a request body may carry. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_PER_REQUEST = 50;
    public static final Set<String> MEDIA_TYPES = Set.of("text/plain", "text/markdown");

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    DisclosureRequests requests;

    @Inject
    AuditLog audit;

    @Inject
    ThirdPartyConsultations thirdParties;

    @Inject
    org.madang.platform.clock.control.HolidayStore holidays;

    @Transactional
    public DisclosureDocument attach(SignedInCaller official, String reference, String title, String mediaType, String markedText) {
        DisclosureRequest request = requests.forAgency(official, reference);
        if (request.decision() != Decision.DISCLOSED && request.decision() != Decision.PARTLY_DISCLOSED) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.documentsOnlyWhenDisclosed");
        }
        var wait = DisclosureClock.disclosureWait(request, thirdParties.of(request.id()), holidays.calendar());
        if (wait != null && !wait.passedAt(requests.now())) {
            throw new ProblemException(ProblemType.CONFLICT, "disclosure.thirdPartyWait", wait.lastDay());
        }
        if (!MEDIA_TYPES.contains(mediaType)) throw ProblemException.invalid("mediaType", "disclosure.documentMediaType");
        if (markedText.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.invalid("text", "disclosure.documentTooLarge", MAX_BYTES / 1024);
        }
        if (count(request.id()) >= MAX_PER_REQUEST) throw new ProblemException(ProblemType.CONFLICT, "disclosure.tooManyDocuments", MAX_PER_REQUEST);
        var rendered = RedactedText.render(markedText);
        var document = new DisclosureDocument(request.id(), title.strip(), mediaType, rendered.text(), rendered.passages(),
                rendered.grounds(), requests.now());
        em.persist(document);
        // the audit names the document and what was withheld, never the withheld text
        audit.record(official.getName(), "disclosure.documentAttached", "disclosure:" + request.reference(),
                document.id() + " " + rendered.passages() + " redacted " + rendered.grounds());
        return document;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisclosureDocument> of(UUID requestId) {
        return em.createQuery("SELECT d FROM DisclosureDocument d WHERE d.requestId = :r ORDER BY d.attachedAt, d.id", DisclosureDocument.class)
                .setParameter("r", requestId).getResultList();
    }

    /** Documents of many requests in one query, for lists of requests. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<DisclosureDocument>> ofAll(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) return Map.of();
        return em.createQuery("SELECT d FROM DisclosureDocument d WHERE d.requestId IN :r ORDER BY d.attachedAt, d.id", DisclosureDocument.class)
                .setParameter("r", requestIds).getResultList().stream()
                .collect(Collectors.groupingBy(DisclosureDocument::requestId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisclosureDocument one(DisclosureRequest request, UUID documentId) {
        var document = em.find(DisclosureDocument.class, documentId);
        if (document == null || !document.requestId().equals(request.id())) throw ProblemException.notFound("document");
        return document;
    }

    private long count(UUID requestId) {
        return em.createQuery("SELECT COUNT(d) FROM DisclosureDocument d WHERE d.requestId = :r", Long.class)
                .setParameter("r", requestId).getSingleResult();
    }
}
