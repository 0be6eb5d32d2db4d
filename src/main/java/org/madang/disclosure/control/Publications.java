package org.madang.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.disclosure.entity.Publication;
import org.madang.disclosure.entity.PublicationFile;
import org.madang.disclosure.entity.PublicationVersion;
import org.madang.platform.audit.control.AuditLog;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.clock.CivilPeriods;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.files.FileSignatures;
import org.madang.platform.organisation.entity.Organisation;
import org.madang.platform.search.SearchHit;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.search.SearchQuery;

/**
 * The publication catalogue: officials of an agency publish, add versions and files, and withdraw; everyone reads,
 * filters and searches. Every change is audited and re-indexed after commit.
 */
@ApplicationScoped
public class Publications {

    public static final int MAX_FILES_PER_VERSION = 20;
    /** Hits read from the index when filters the index cannot apply (kind, category, language) narrow a search. */
    static final int MAX_FILTERED_HITS = 1000;
    static final int EXTRACTED_CHARS = 20_000;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    PublicationIndexing indexing;

    @Inject
    SearchIndex searchIndex;

    @Inject
    @ConfigProperty(name = "madang.publication.file-max-bytes", defaultValue = "8388608")
    long maxFileBytes;

    Clock clock = Clock.systemUTC();

    /** What describes a publication, as an official enters it. */
    public record Description(UUID agencyId, Publication.Kind kind, String titleKo, String titleEn, Publication.Category category,
                              LocalDate publishedOn, String legalBasis, String language, Publication.Licence licence,
                              String description) {
    }

    /** Which publications to list; null fields do not filter. {@code to} is exclusive. */
    public record Filter(UUID agencyId, Publication.Kind kind, Publication.Category category, String language,
                         LocalDate from, LocalDate to) {
        boolean needsDatabase() {
            return kind != null || category != null || language != null;
        }
    }

    /** One page of a listing; {@code hits} has the highlighted title and snippet per publication id when searched. */
    public record Page(long total, List<Publication> items, Map<UUID, SearchHit> hits) {
    }

    @Transactional
    public Publication publish(SignedInCaller official, Description d, String note) {
        requireAgency(d.agencyId());
        requireStaff(official, d.agencyId());
        Instant now = clock.instant();
        var publication = new Publication(d.agencyId(), d.kind(), d.titleKo().strip(), d.titleEn().strip(), d.category(),
                d.publishedOn() == null ? LocalDate.ofInstant(now, CivilPeriods.SEOUL) : d.publishedOn(),
                blank(d.legalBasis()) ? null : d.legalBasis().strip(), d.language(), d.licence(), d.description().strip(), now);
        em.persist(publication);
        em.persist(new PublicationVersion(publication.id(), 1, blank(note) ? null : note.strip(), now));
        audit.record(official.getName(), "publication.published", target(publication), d.kind() + " " + d.titleKo());
        indexing.changed(publication);
        return publication;
    }

    /** A new version, which supersedes the current one; files are then added to it. */
    @Transactional
    public PublicationVersion addVersion(SignedInCaller official, UUID publicationId, String note) {
        var publication = changeable(official, publicationId);
        var current = current(publicationId);
        Instant now = clock.instant();
        current.supersede(now);
        var next = new PublicationVersion(publicationId, current.number() + 1, blank(note) ? null : note.strip(), now);
        em.persist(next);
        publication.touched(now);
        audit.record(official.getName(), "publication.versioned", target(publication), "version " + next.number());
        indexing.changed(publication);
        return next;
    }

    /** Adds a file to the current version; the type is read from the bytes. */
    @Transactional
    public PublicationFile attach(SignedInCaller official, UUID publicationId, String fileName, byte[] content) {
        if (content == null || content.length == 0) throw ProblemException.invalid("body", "publication.fileEmpty");
        if (content.length > maxFileBytes) throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "payloadTooLarge", maxFileBytes);
        var publication = changeable(official, publicationId);
        String type;
        String text = null;
        var binary = FileSignatures.binary(content);
        if (binary.isPresent() && !FileSignatures.GIF.equals(binary.get()) && !FileSignatures.WEBP.equals(binary.get())) {
            type = binary.get();
        } else if (binary.isEmpty() && FileSignatures.plainText(content).isPresent()) {
            text = FileSignatures.plainText(content).get();
            type = FileSignatures.textType(text, fileName);
            if (text.length() > EXTRACTED_CHARS) text = text.substring(0, EXTRACTED_CHARS);
        } else {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "publication.fileType");
        }
        var version = current(publicationId);
        long count = em.createQuery("SELECT COUNT(f) FROM PublicationFile f WHERE f.versionId = :v", Long.class)
                .setParameter("v", version.id()).getSingleResult();
        if (count >= MAX_FILES_PER_VERSION) {
            throw new ProblemException(ProblemType.CONFLICT, "publication.tooManyFiles", MAX_FILES_PER_VERSION);
        }
        Instant now = clock.instant();
        var file = new PublicationFile(version.id(), safeName(fileName, type), type, content, FileSignatures.sha256Hex(content), text, now);
        em.persist(file);
        publication.touched(now);
        audit.record(official.getName(), "publication.file", target(publication),
                "version " + version.number() + " " + file.fileName() + " sha256 " + file.sha256());
        if (text != null) {
            em.flush();
            indexing.changed(publication);
        }
        return file;
    }

    @Transactional
    public Publication withdraw(SignedInCaller official, UUID publicationId, String reason) {
        var publication = changeable(official, publicationId);
        publication.withdraw(clock.instant(), reason.strip());
        audit.record(official.getName(), "publication.withdrawn", target(publication), reason);
        indexing.changed(publication);
        return publication;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Publication byId(UUID id) {
        var publication = id == null ? null : em.find(Publication.class, id);
        if (publication == null) throw ProblemException.notFound("publication");
        return publication;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublicationVersion> versions(UUID publicationId) {
        return em.createQuery("SELECT v FROM PublicationVersion v WHERE v.publicationId = :p ORDER BY v.number DESC", PublicationVersion.class)
                .setParameter("p", publicationId).getResultList();
    }

    /** What a listing shows of a file (without its bytes). */
    public record FileInfo(UUID id, UUID versionId, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<FileInfo>> filesOf(Collection<UUID> versionIds) {
        var byVersion = new HashMap<UUID, List<FileInfo>>();
        if (versionIds.isEmpty()) return byVersion;
        em.createQuery("SELECT NEW org.madang.disclosure.control.Publications.FileInfo(f.id, f.versionId, f.fileName, f.contentType,"
                        + " f.sizeBytes, f.sha256) FROM PublicationFile f WHERE f.versionId IN :v ORDER BY f.createdAt, f.id", FileInfo.class)
                .setParameter("v", versionIds).getResultList()
                .forEach(f -> byVersion.computeIfAbsent(f.versionId(), k -> new ArrayList<>()).add(f));
        return byVersion;
    }

    /** A file to download; the files of a withdrawn publication are no longer served. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicationFile file(UUID fileId) {
        var file = fileId == null ? null : em.find(PublicationFile.class, fileId);
        if (file == null) throw ProblemException.notFound("file");
        var version = em.find(PublicationVersion.class, file.versionId());
        if (byId(version.publicationId()).withdrawn()) throw new ProblemException(ProblemType.GONE, "publication.withdrawn");
        return file;
    }

    /** Newest first by publication date; a withdrawn publication stays listed as a tombstone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Filter filter, int page, int size) {
        var where = new StringBuilder(" FROM Publication p WHERE 1 = 1");
        var parameters = new LinkedHashMap<String, Object>();
        if (filter.agencyId() != null) condition(where, parameters, "p.agencyId = :agency", "agency", filter.agencyId());
        if (filter.kind() != null) condition(where, parameters, "p.kind = :kind", "kind", filter.kind());
        if (filter.category() != null) condition(where, parameters, "p.category = :category", "category", filter.category());
        if (filter.language() != null) condition(where, parameters, "p.language = :language", "language", filter.language());
        if (filter.from() != null) condition(where, parameters, "p.publishedOn >= :from", "from", filter.from());
        if (filter.to() != null) condition(where, parameters, "p.publishedOn < :to", "to", filter.to());
        var count = em.createQuery("SELECT COUNT(p)" + where, Long.class);
        var items = em.createQuery("SELECT p" + where + " ORDER BY p.publishedOn DESC, p.createdAt DESC, p.id", Publication.class);
        parameters.forEach((name, value) -> { count.setParameter(name, value); items.setParameter(name, value); });
        long total = count.getSingleResult();
        items.setFirstResult(page * size).setMaxResults(size);
        return new Page(total, items.getResultList(), Map.of());
    }

    /**
     * Full-text search, best first. Agency and dates are filtered by the index; kind, category and language by the
     * database over the first {@value #MAX_FILTERED_HITS} hits.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(String text, Filter filter, int page, int size) {
        String scope = filter.agencyId() == null ? null : filter.agencyId().toString();
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(CivilPeriods.SEOUL).toInstant();
        Instant to = filter.to() == null ? null : filter.to().atStartOfDay(CivilPeriods.SEOUL).toInstant();
        Set<String> kinds = Set.of(PublicationIndexing.KIND);
        if (!filter.needsDatabase()) {
            var found = searchIndex.search(new SearchQuery(kinds, text, scope, from, to, Math.min(page * size, SearchIndex.MAX_OFFSET), size));
            return page(found.total(), found.hits());
        }
        var hits = new ArrayList<SearchHit>();
        for (int offset = 0; offset < MAX_FILTERED_HITS; offset += SearchIndex.MAX_LIMIT) {
            var found = searchIndex.search(new SearchQuery(kinds, text, scope, from, to, offset, SearchIndex.MAX_LIMIT));
            hits.addAll(found.hits());
            if (found.hits().size() < SearchIndex.MAX_LIMIT) break;
        }
        if (hits.isEmpty()) return new Page(0, List.of(), Map.of());
        TypedQuery<UUID> matching = em.createQuery("SELECT p.id FROM Publication p WHERE p.id IN :ids"
                + (filter.kind() == null ? "" : " AND p.kind = :kind")
                + (filter.category() == null ? "" : " AND p.category = :category")
                + (filter.language() == null ? "" : " AND p.language = :language"), UUID.class);
        matching.setParameter("ids", hits.stream().map(h -> UUID.fromString(h.id())).toList());
        if (filter.kind() != null) matching.setParameter("kind", filter.kind());
        if (filter.category() != null) matching.setParameter("category", filter.category());
        if (filter.language() != null) matching.setParameter("language", filter.language());
        Set<UUID> kept = Set.copyOf(matching.getResultList());
        var filtered = hits.stream().filter(h -> kept.contains(UUID.fromString(h.id()))).toList();
        int start = Math.min(page * size, filtered.size());
        return page(filtered.size(), filtered.subList(start, Math.min(start + size, filtered.size())));
    }

    private Page page(long total, List<SearchHit> hits) {
        var byId = new LinkedHashMap<UUID, SearchHit>();
        hits.forEach(h -> byId.put(UUID.fromString(h.id()), h));
        if (byId.isEmpty()) return new Page(total, List.of(), Map.of());
        var found = new HashMap<UUID, Publication>();
        em.createQuery("SELECT p FROM Publication p WHERE p.id IN :ids", Publication.class).setParameter("ids", byId.keySet())
                .getResultList().forEach(p -> found.put(p.id(), p));
        // an index entry whose row is gone (a rebuild is due) is skipped rather than failing the page
        var items = byId.keySet().stream().filter(found::containsKey).map(found::get).toList();
        return new Page(total, items, byId);
    }

    /** The newest publications of an agency or a category (by publication date), for Atom feeds. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Publication> newest(UUID agencyId, Publication.Category category, int limit) {
        return list(new Filter(agencyId, null, category, null, null, null), 0, limit).items();
    }

    public boolean isAgencyStaff(SignedInCaller caller, UUID agencyId) {
        return caller != null && (caller.has(Role.OFFICIAL, agencyId) || caller.has(Role.ORG_ADMIN, agencyId));
    }

    private Organisation requireAgency(UUID agencyId) {
        var agency = agencyId == null ? null : em.find(Organisation.class, agencyId);
        if (agency == null) throw ProblemException.invalid("agencyId", "publication.unknownAgency");
        return agency;
    }

    private void requireStaff(SignedInCaller caller, UUID agencyId) {
        if (!isAgencyStaff(caller, agencyId)) throw ProblemException.forbidden();
    }

    private Publication changeable(SignedInCaller official, UUID publicationId) {
        var publication = byId(publicationId);
        requireStaff(official, publication.agencyId());
        em.lock(publication, LockModeType.PESSIMISTIC_WRITE);
        if (publication.withdrawn()) throw new ProblemException(ProblemType.CONFLICT, "publication.withdrawn");
        return publication;
    }

    private PublicationVersion current(UUID publicationId) {
        return em.createQuery("SELECT v FROM PublicationVersion v WHERE v.publicationId = :p AND v.supersededAt IS NULL",
                PublicationVersion.class).setParameter("p", publicationId).getSingleResult();
    }

    /** A name fit for a header: letters, digits, dot, dash, underscore; the extension follows the sniffed type. */
    static String safeName(String fileName, String type) {
        String last = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        String extension = dot > 0 ? last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
        String base = (dot > 0 ? last.substring(0, dot) : last).replaceAll("[^\\p{L}\\p{N}_-]+", "_");
        if (base.isBlank()) base = "file";
        if (base.length() > 100) base = base.substring(0, 100);
        String expected = switch (type) {
            case FileSignatures.PDF -> "pdf";
            case FileSignatures.PNG -> "png";
            case FileSignatures.JPEG -> "jpg";
            case FileSignatures.JSON -> "json";
            case FileSignatures.CSV -> "csv";
            case FileSignatures.TEXT -> "txt";
            // a ZIP or OLE container keeps its own extension (hwpx, xlsx, hwp, ...) when it is a plain word
            default -> extension.matches("[a-z0-9]{1,5}") && !extension.matches("html?|svg|xml|js|exe") ? extension
                    : FileSignatures.ZIP.equals(type) ? "zip" : "bin";
        };
        return base + "." + expected;
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name, Object value) {
        where.append(" AND ").append(clause);
        parameters.put(name, value);
    }

    private static String target(Publication p) {
        return "publication:" + p.id();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
