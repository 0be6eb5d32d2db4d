package org.madang.disclosure.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.madang.disclosure.control.Publications;
import org.madang.disclosure.entity.Publication;
import org.madang.disclosure.entity.PublicationVersion;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.files.FileSignatures;
import org.madang.platform.organisation.control.Organisations;
import org.madang.platform.organisation.entity.Organisation;

/** The publication catalogue: documents agencies publish of their own accord, their versions, files and Atom feeds. */
@Path("publications")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PublicationsResource {

    static final String KINDS = "DECISION|REPORT|STATISTICS|MINUTES|DATASET";
    static final String CATEGORIES = "ADMINISTRATION|BUDGET|ECONOMY|EDUCATION|ENVIRONMENT|HEALTH|WELFARE|TRANSPORT|CULTURE|SAFETY";
    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    static final int FEED_ENTRIES = 50;

    @Inject
    Publications publications;

    @Inject
    Organisations organisations;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record NewPublication(@NotNull UUID agencyId, @NotNull Publication.Kind kind,
                                 @NotBlank @Size(max = 300) String titleKo, @NotBlank @Size(max = 300) String titleEn,
                                 @NotNull Publication.Category category, @Pattern(regexp = DATE) @Schema(example = "2026-03-02") String publishedOn,
                                 @Size(max = 300) String legalBasis, @NotNull @Pattern(regexp = "ko|en") String language,
                                 @NotNull Publication.Licence licence, @NotBlank @Size(max = 4000) String description,
                                 @Size(max = 2000) String note) {
    }

    public record NewVersion(@Size(max = 2000) String note) {
    }

    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Vocabulary(List<String> kinds, List<PublicationView.Term> categories, List<PublicationView.Term> licences,
                             List<String> languages) {
    }

    @GET
    @PermitAll
    public PublicationView.ListPage list(@QueryParam("q") @Size(max = 200) String q,
                                         @QueryParam("agency") UUID agency,
                                         @QueryParam("kind") @Pattern(regexp = KINDS) String kind,
                                         @QueryParam("category") @Pattern(regexp = CATEGORIES) String category,
                                         @QueryParam("language") @Pattern(regexp = "ko|en") String language,
                                         @QueryParam("from") @Pattern(regexp = DATE) @Schema(example = "2026-01-01") String from,
                                         @QueryParam("to") @Pattern(regexp = DATE) @Schema(example = "2026-12-31") String to,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(500) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var filter = new Publications.Filter(agency, kind == null ? null : Publication.Kind.valueOf(kind),
                category == null ? null : Publication.Category.valueOf(category), language, date("from", from), date("to", to));
        var found = q == null || q.isBlank() ? publications.list(filter, page, size) : publications.search(q, filter, page, size);
        var agencies = new HashMap<UUID, Organisation>();
        var items = found.items().stream().map(p -> {
            var hit = found.hits().get(p.id());
            return PublicationView.summary(p, agencies.computeIfAbsent(p.agencyId(), organisations::byId),
                    hit == null ? null : hit.titleHtml(), hit == null ? null : hit.snippetHtml());
        }).toList();
        return new PublicationView.ListPage(found.total(), page, size, items);
    }

    @GET
    @Path("vocabulary")
    @PermitAll
    public Vocabulary vocabulary() {
        return new Vocabulary(Arrays.stream(Publication.Kind.values()).map(Enum::name).toList(),
                Arrays.stream(Publication.Category.values()).map(PublicationView.Term::of).toList(),
                Arrays.stream(Publication.Licence.values()).map(PublicationView.Term::of).toList(), List.of("ko", "en"));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public PublicationView one(@PathParam("id") UUID id) {
        return full(publications.byId(id));
    }

    @POST
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public Response publish(@NotNull @Valid NewPublication form) {
        var published = publications.publish(caller(), new Publications.Description(form.agencyId(), form.kind(), form.titleKo(),
                form.titleEn(), form.category(), date("publishedOn", form.publishedOn()), form.legalBasis(), form.language(),
                form.licence(), form.description()), form.note());
        return Response.created(uriInfo.getBaseUriBuilder().path("publications").path(published.id().toString()).build())
                .entity(full(published)).build();
    }

    @POST
    @Path("{id}/versions")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public Response addVersion(@PathParam("id") UUID id, @Valid NewVersion form) {
        PublicationVersion version = publications.addVersion(caller(), id, form == null ? null : form.note());
        return Response.status(201).entity(full(publications.byId(version.publicationId()))).build();
    }

    /** Adds a file to the current version; the body is the file itself, its type is read from its bytes. */
    @POST
    @Path("{id}/files")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public Response attach(@PathParam("id") UUID id,
                           @QueryParam("name") @NotBlank @Size(max = 200) @Pattern(regexp = "[^/\\\\\\p{Cntrl}]+") String name,
                           byte[] content) {
        var file = publications.attach(caller(), id, name.strip(), content);
        var view = PublicationView.FileView.of(new Publications.FileInfo(file.id(), file.versionId(), file.fileName(),
                file.contentType(), file.sizeBytes(), file.sha256()));
        return Response.created(uriInfo.getBaseUriBuilder().path("publications/files").path(file.id().toString()).build())
                .entity(view).header(CHECKSUM_HEADER, file.sha256()).build();
    }

    static final String CHECKSUM_HEADER = "X-Checksum-SHA256";

    /** The file, to download: named in Content-Disposition, with its SHA-256 in two headers (hex, and RFC 9530). */
    @GET
    @Path("files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @PermitAll
    public Response download(@PathParam("fileId") UUID fileId) {
        var file = publications.file(fileId);
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), file.contentType() + (file.contentType().startsWith("text/")
                        || file.contentType().equals(FileSignatures.JSON) ? "; charset=UTF-8" : ""))
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"; filename*=UTF-8''" + encoded)
                .header(CHECKSUM_HEADER, file.sha256())
                .header("Repr-Digest", FileSignatures.reprDigest(file.sha256()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public PublicationView withdraw(@PathParam("id") UUID id, @NotNull @Valid Withdrawal form) {
        return full(publications.withdraw(caller(), id, form.reason()));
    }

    @GET
    @Path("feeds/agency/{agencyId}.atom")
    @Produces(PublicationFeed.MEDIA_TYPE)
    @PermitAll
    public Response agencyFeed(@PathParam("agencyId") UUID agencyId) {
        var agency = organisations.byId(agencyId);
        return feed("feeds/agency/" + agencyId + ".atom", agency.nameKo() + " 공표 목록 / " + agency.nameEn() + " publications",
                agency.nameKo() + " / " + agency.nameEn(), agency.createdAt(), publications.newest(agencyId, null, FEED_ENTRIES));
    }

    @GET
    @Path("feeds/category/{category}.atom")
    @Produces(PublicationFeed.MEDIA_TYPE)
    @PermitAll
    public Response categoryFeed(@PathParam("category") String category) {
        if (category == null || !category.matches(CATEGORIES)) throw ProblemException.notFound("category");
        var c = Publication.Category.valueOf(category);
        return feed("feeds/category/" + c.name() + ".atom", c.nameKo() + " 공표 목록 / " + c.nameEn() + " publications",
                "마당 Madang", java.time.Instant.EPOCH, publications.newest(null, c, FEED_ENTRIES));
    }

    private Response feed(String path, String title, String author, java.time.Instant updated, List<Publication> items) {
        String api = uriInfo.getBaseUri().toString();
        String base = api.replaceFirst("api/?$", "");
        if (!base.endsWith("/")) base += "/";
        String xml = PublicationFeed.write(base, base + "api/publications/" + path, title, author, updated, items);
        return Response.ok(xml, PublicationFeed.MEDIA_TYPE + "; charset=UTF-8").header("Cache-Control", "public, max-age=60").build();
    }

    private PublicationView full(Publication p) {
        var versions = publications.versions(p.id());
        Map<UUID, List<Publications.FileInfo>> files = publications.filesOf(versions.stream().map(PublicationVersion::id).toList());
        return PublicationView.of(p, organisations.byId(p.agencyId()), versions, files);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "publication.badDate");
        }
    }

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }
}
