package org.madang.consultation.boundary;

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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.madang.consultation.control.Consultations;
import org.madang.consultation.control.Documents;
import org.madang.consultation.entity.Article;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Document;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.text.Markdown;

/** Consultations: drafting, background documents, and the lifecycle (approval, closing, withdrawal, response). */
@Path("consultations")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationsResource {

    @Inject
    Consultations consultations;

    @Inject
    Documents documents;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    public record ArticleForm(@NotBlank @Size(max = 40) String label, @Size(max = 200) String heading,
                              @NotBlank @Size(max = 20000) String body) {
    }

    public record ConsultationForm(@NotNull UUID organisationId, @NotNull Consultation.Kind kind,
                                   @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String summary,
                                   @Size(max = 20) List<@NotBlank @Size(max = 500) String> questions,
                                   @NotNull Instant opensAt, @NotNull Instant closesAt,
                                   @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid ArticleForm> articles,
                                   @PositiveOrZero Integer version) {
        Consultation.Settings settings() {
            return new Consultation.Settings(kind, title.strip(), summary.strip(),
                    questions == null ? "" : String.join("\n", questions.stream().map(q -> q.strip().replace('\n', ' ')).toList()),
                    opensAt, closesAt);
        }

        List<Consultations.ArticleText> articleTexts() {
            return articles.stream().map(a -> new Consultations.ArticleText(a.label().strip(), a.heading() == null ? "" : a.heading().strip(), a.body()))
                    .toList();
        }
    }

    public record Transition(@NotNull Consultation.State to, @NotNull @PositiveOrZero Integer version,
                             @Size(max = 2000) String reason) {
    }

    public record ArticleView(UUID id, int number, String label, String heading, String body) {
        static ArticleView of(Article a) {
            return new ArticleView(a.id(), a.position(), a.label(), a.heading(), a.body());
        }
    }

    public record DocumentView(UUID id, String name, String url, String mediaType, String sha256, Long size) {
        static DocumentView of(Document d) {
            return new DocumentView(d.id(), d.name(), d.url(), d.mediaType(), d.sha256(), d.sizeBytes());
        }
    }

    public record ConsultationView(UUID id, UUID organisationId, String kind, String title, String summary, String summaryHtml,
                                   List<String> questions, String state, Instant opensAt, Instant closesAt,
                                   boolean acceptingComments, long minimumNoticeDays, String shortNoticeReason,
                                   List<ArticleView> articles, List<DocumentView> documents, boolean mayEdit, boolean mayApprove,
                                   int version, List<String> allowedTransitions) {
    }

    public record LinkForm(@NotBlank @Size(max = 200) String name,
                           @NotNull @Size(max = 2000) @Pattern(regexp = "https?://[^\\s]+") String url) {
    }

    public record DocumentList(List<DocumentView> items) {
    }

    @GET
    @PermitAll
    public Consultations.Page<ConsultationView> list(@QueryParam("state") Consultation.State state,
                                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10000) int page,
                                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var found = consultations.list(caller(), state, page, size);
        return new Consultations.Page<>(found.items().stream().map(c -> view(c, false)).toList(), page, size, found.total());
    }

    @POST
    @RolesAllowed(Role.OFFICIAL_NAME)
    public Response create(@NotNull @Valid ConsultationForm form) {
        Consultation created = consultations.create(form.organisationId(), form.settings(), form.articleTexts(), caller());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(view(created, true)).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    public ConsultationView one(@PathParam("id") UUID id) {
        return view(consultations.visible(id, caller()), true);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.OFFICIAL_NAME)
    public ConsultationView update(@PathParam("id") UUID id, @NotNull @Valid ConsultationForm form) {
        if (form.version() == null) throw ProblemException.invalid("version", "consultation.versionRequired");
        return view(consultations.update(id, form.settings(), form.articleTexts(), form.version(), caller()), true);
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public ConsultationView transition(@PathParam("id") UUID id, @NotNull @Valid Transition request) {
        return view(consultations.transition(id, request.to(), request.version(), request.reason(), caller()), true);
    }

    @GET
    @Path("{id}/documents")
    @PermitAll
    public DocumentList documents(@PathParam("id") UUID id) {
        consultations.visible(id, caller());
        return new DocumentList(documents.of(id).stream().map(DocumentView::of).toList());
    }

    @POST
    @Path("{id}/documents/links")
    @RolesAllowed(Role.OFFICIAL_NAME)
    public Response addLink(@PathParam("id") UUID id, @NotNull @Valid LinkForm form) {
        return Response.status(201).entity(DocumentView.of(documents.addLink(id, form.name().strip(), form.url(), caller()))).build();
    }

    /** The file is the request body; its type is read from its first bytes, whatever Content-Type says. */
    @POST
    @Path("{id}/documents/files")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.OFFICIAL_NAME)
    public Response addFile(@PathParam("id") UUID id,
                            @QueryParam("name") @NotBlank @Size(max = 200) @Pattern(regexp = "[^/\\\\\\p{Cntrl}]+") String name,
                            byte[] content) {
        if (content == null || content.length == 0) throw ProblemException.invalid("content", "consultation.emptyDocument");
        return Response.status(201).entity(DocumentView.of(documents.addFile(id, name.strip(), content, caller()))).build();
    }

    @GET
    @Path("{id}/documents/{documentId}")
    @PermitAll
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        consultations.visible(id, caller());
        Document d = documents.byId(id, documentId);
        if (d.url() != null) return Response.seeOther(java.net.URI.create(d.url())).build();
        return Response.ok(d.content(), d.mediaType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(d.name(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(d.sha256())))
                .build();
    }

    ConsultationView view(Consultation c, boolean full) {
        SignedInCaller caller = caller();
        boolean official = caller != null && caller.has(Role.OFFICIAL, c.organisationId());
        boolean orgAdmin = caller != null && caller.has(Role.ORG_ADMIN, c.organisationId());
        List<String> moves = c.allowedMoves().stream().filter(s -> switch (s) {
            case OPEN -> orgAdmin;
            case CLOSED, RESPONDED -> official;
            case WITHDRAWN -> official || orgAdmin;
            case DRAFT -> false;
        }).map(Enum::name).sorted().toList();
        return new ConsultationView(c.id(), c.organisationId(), c.kind().name(), c.title(), c.summary(), Markdown.toSafeHtml(c.summary()),
                c.questions().isEmpty() ? List.of() : List.of(c.questions().split("\n")), c.state().name(), c.opensAt(), c.closesAt(),
                c.acceptsInputAt(consultations.now()), consultations.minimumNotice(c.kind()).toDays(), c.shortNoticeReason(),
                full ? consultations.articles(c.id()).stream().map(ArticleView::of).toList() : List.of(),
                full ? documents.of(c.id()).stream().map(DocumentView::of).toList() : List.of(),
                official && c.state() == Consultation.State.DRAFT, orgAdmin && c.state() == Consultation.State.DRAFT,
                c.version(), moves);
    }

    SignedInCaller caller() {
        return security.getUserPrincipal() instanceof SignedInCaller s ? s : null;
    }
}
