package org.madang.disclosure.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.disclosure.control.Publications;
import org.madang.disclosure.entity.Publication;
import org.madang.disclosure.entity.PublicationVersion;
import org.madang.platform.organisation.entity.Organisation;

/**
 * A publication as everyone sees it: its description, and (in the full view) every version, newest first, with its
 * files and their SHA-256. A withdrawn publication keeps its description and says why it was withdrawn.
 */
public record PublicationView(UUID id, AgencyView agency, String kind, String titleKo, String titleEn, Term category,
                              LocalDate publishedOn, String legalBasis, String language, Term licence, String description,
                              Instant createdAt, Instant updatedAt, boolean withdrawn, Instant withdrawnAt,
                              String withdrawalReason, List<VersionView> versions, String url) {

    public record AgencyView(UUID id, String nameKo, String nameEn) {
        static AgencyView of(Organisation o) {
            return new AgencyView(o.id(), o.nameKo(), o.nameEn());
        }
    }

    /** A code of a closed list with its Korean and English names. */
    public record Term(String code, String nameKo, String nameEn) {
        static Term of(Publication.Category c) {
            return new Term(c.name(), c.nameKo(), c.nameEn());
        }

        static Term of(Publication.Licence l) {
            return new Term(l.name(), l.nameKo(), l.nameEn());
        }
    }

    public record FileView(UUID id, String fileName, String contentType, long sizeBytes, String sha256, String url) {
        static FileView of(Publications.FileInfo f) {
            return new FileView(f.id(), f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(), "/api/publications/files/" + f.id());
        }
    }

    public record VersionView(int number, String note, Instant createdAt, Instant supersededAt, boolean current,
                              List<FileView> files) {
    }

    /** One row of a listing or a search: the publication and, when searched, its title and snippet with matches marked. */
    public record Summary(UUID id, AgencyView agency, String kind, String titleKo, String titleEn, Term category,
                          LocalDate publishedOn, String language, Term licence, boolean withdrawn, String titleHtml,
                          String snippetHtml, String url) {
    }

    public record ListPage(long total, int page, int size, List<Summary> items) {
    }

    static PublicationView of(Publication p, Organisation agency, List<PublicationVersion> versions,
                              Map<UUID, List<Publications.FileInfo>> files) {
        var shown = versions.stream().map(v -> new VersionView(v.number(), v.note(), v.createdAt(), v.supersededAt(), v.current(),
                p.withdrawn() ? List.of() : files.getOrDefault(v.id(), List.of()).stream().map(FileView::of).toList())).toList();
        return new PublicationView(p.id(), AgencyView.of(agency), p.kind().name(), p.titleKo(), p.titleEn(), Term.of(p.category()),
                p.publishedOn(), p.legalBasis(), p.language(), Term.of(p.licence()), p.description(), p.createdAt(),
                p.updatedAt(), p.withdrawn(), p.withdrawnAt(), p.withdrawalReason(), shown, url(p));
    }

    static Summary summary(Publication p, Organisation agency, String titleHtml, String snippetHtml) {
        return new Summary(p.id(), AgencyView.of(agency), p.kind().name(), p.titleKo(), p.titleEn(), Term.of(p.category()),
                p.publishedOn(), p.language(), Term.of(p.licence()), p.withdrawn(), titleHtml, snippetHtml, url(p));
    }

    static String url(Publication p) {
        return "/api/publications/" + p.id();
    }
}
