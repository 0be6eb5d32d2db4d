package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.madang.disclosure.entity.Publication;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.search.SearchDocument;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.search.SearchSource;

/**
 * Publications in the search index as kind "publication": both titles, the description and the text of the current
 * version's text files, scoped by agency and dated by the publication date. A withdrawn publication leaves search.
 */
@ApplicationScoped
public class PublicationIndexing implements SearchSource {

    public static final String KIND = "publication";
    static final int BODY_CHARS = 30_000;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    SearchIndex index;

    @Override
    public String kind() {
        return KIND;
    }

    void changed(Publication publication) {
        index.put(document(publication, publication.withdrawn() ? "" : currentText(publication.id())));
    }

    /** Every publication that is not withdrawn, streamed for a rebuild. */
    @Override
    public Stream<SearchDocument> all() {
        return em.createQuery("SELECT p FROM Publication p WHERE p.withdrawnAt IS NULL ORDER BY p.createdAt", Publication.class)
                .getResultStream().map(p -> document(p, currentText(p.id())));
    }

    static SearchDocument document(Publication p, String filesText) {
        boolean visible = !p.withdrawn();
        String body = visible ? (p.description() + "\n" + (p.legalBasis() == null ? "" : p.legalBasis()) + "\n" + filesText) : "";
        if (body.length() > BODY_CHARS) body = body.substring(0, BODY_CHARS);
        return new SearchDocument(KIND, p.id().toString(), visible ? p.titleKo() + " · " + p.titleEn() : "", body,
                p.agencyId().toString(), dated(p), visible);
    }

    static Instant dated(Publication p) {
        return p.publishedOn().atStartOfDay(CivilPeriods.SEOUL).toInstant();
    }

    /** The extracted text of the files of the publication's current version. */
    String currentText(UUID publicationId) {
        List<String> texts = em.createQuery("SELECT f.extractedText FROM PublicationFile f, PublicationVersion v"
                        + " WHERE f.versionId = v.id AND v.publicationId = :p AND v.supersededAt IS NULL"
                        + " AND f.extractedText IS NOT NULL ORDER BY f.createdAt", String.class)
                .setParameter("p", publicationId).getResultList();
        return texts.stream().collect(Collectors.joining("\n"));
    }
}
