package org.madang.forum.boundary;

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
import jakarta.ws.rs.DELETE;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.madang.forum.control.Attachments;
import org.madang.forum.control.Following;
import org.madang.forum.control.ForumContent;
import org.madang.forum.control.ForumIndexing;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.madang.forum.control.Forums;
import org.madang.forum.control.ThreadPages;
import org.madang.forum.control.Viewer;
import org.madang.forum.entity.Attachment;
import org.madang.forum.entity.DigestPreference;
import org.madang.forum.entity.Forum;
import org.madang.forum.entity.Post;
import org.madang.forum.entity.Reaction;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;
import org.madang.platform.moderation.boundary.ModerationResource;
import org.madang.platform.moderation.control.Moderation;
import org.madang.platform.search.SearchIndex;
import org.madang.platform.search.SearchQuery;

/** Forums, threads, replies, reactions, flags, following, digests and attachments: everything under /api/forums. */
@Path("forums")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ForumsResource {

    static final String SORTS = "NEWEST|OLDEST|MOST_AGREED|MOST_DISCUSSED";
    static final int MAX_BODY_CHARS = 20_000;

    @Inject
    ThreadPages threadPages;

    @Inject
    Forums forums;

    @Inject
    Following following;

    @Inject
    Attachments attachments;

    @Inject
    Moderation moderation;

    @Inject
    SearchIndex searchIndex;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    // ---- shapes ---------------------------------------------------------------------------------------------------

    public record NewForumRequest(@NotBlank @Size(max = 200) String titleKo, @NotBlank @Size(max = 200) String titleEn,
                                  @Size(max = 4000) String description, UUID organisationId,
                                  boolean stanceRequired, boolean residentsOnly) {
    }

    public record ForumView(UUID id, String kind, String titleKo, String titleEn, String description, UUID organisationId,
                            boolean stanceRequired, boolean residentsOnly, Instant createdAt) {
        static ForumView of(Forum f) {
            return new ForumView(f.id(), f.organisationId() == null ? "TOPIC" : "ORGANISATION", f.titleKo(), f.titleEn(),
                    f.description(), f.organisationId(), f.stanceRequired(), f.residentsOnly(), f.createdAt());
        }
    }

    public record ForumPage(List<ForumView> items, String nextCursor) {
    }

    public record NewThreadRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = MAX_BODY_CHARS) String body,
                                   Post.Stance stance) {
    }

    public record NewReplyRequest(@NotBlank @Size(max = MAX_BODY_CHARS) String body, Post.Stance stance) {
    }

    public record EditRequest(@Size(min = 1, max = 200) String title, @NotBlank @Size(max = MAX_BODY_CHARS) String body,
                              @NotNull @PositiveOrZero Integer version) {
    }

    public record ReactionRequest(@NotNull Reaction.Kind reaction) {
    }

    public record DigestRequest(@NotNull DigestPreference.Mode mode) {
    }

    public record DigestView(String mode) {
    }

    public record DigestRun(int sent) {
    }

    public record AttachmentView(UUID id, String fileName, String contentType, long sizeBytes, String sha256, String url) {
        static AttachmentView of(Attachments.Info a) {
            return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), "/api/forums/attachments/" + a.id());
        }
    }

    /**
     * A post as this viewer may see it. {@code withheld}: hidden or removed and not theirs to read, so title, text,
     * author and stance are null (a placeholder keeps its place in the thread). {@code deleted}: a tombstone.
     */
    public record PostView(UUID id, UUID forumId, UUID threadId, UUID parentId, int depth, String title, String bodyHtml,
                           String bodyMarkdown, String authorName, boolean mine, String stance, String state, boolean hidden,
                           boolean removed, boolean deleted, boolean withheld, int agreeCount, int disagreeCount, int replyCount,
                           String myReaction, Instant createdAt, Instant editedAt, int revisionCount, String revisionsUrl,
                           boolean canEdit, Instant editableUntil, boolean canDelete, boolean canReply, int version,
                           List<AttachmentView> attachments) {
    }

    public record PostPage(List<PostView> items, String nextCursor) {
    }

    public record ThreadView(PostView thread, ForumView forum, boolean following) {
    }

    public record RevisionView(String title, String bodyHtml, Instant writtenAt, Instant replacedAt) {
    }

    public record RevisionList(List<RevisionView> items) {
    }

    // ---- forums ---------------------------------------------------------------------------------------------------

    @GET
    @PermitAll
    public ForumPage list(@QueryParam("cursor") @Size(max = 100) String cursor,
                          @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        var page = forums.forums(cursor, limit);
        return new ForumPage(page.items().stream().map(ForumView::of).toList(), page.nextCursor());
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.OFFICIAL_NAME, Role.ORG_ADMIN_NAME})
    public Response create(@NotNull @Valid NewForumRequest request) {
        Forum forum = forums.createForum(new Forums.NewForum(request.titleKo().strip(), request.titleEn().strip(),
                request.description() == null ? "" : request.description().strip(), request.organisationId(),
                request.stanceRequired(), request.residentsOnly()), caller());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(forum.id().toString()).build()).entity(ForumView.of(forum)).build();
    }

    @GET
    @Path("{forumId}")
    @PermitAll
    public ForumView forum(@PathParam("forumId") UUID forumId) {
        return ForumView.of(forums.forum(forumId));
    }

    @GET
    @Path("{forumId}/threads")
    @PermitAll
    public PostPage threads(@PathParam("forumId") UUID forumId,
                            @QueryParam("sort") @DefaultValue("NEWEST") @Pattern(regexp = SORTS) String sort,
                            @QueryParam("cursor") @Size(max = 100) String cursor,
                            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        var page = forums.threads(forumId, Forums.Sort.valueOf(sort), cursor, limit, viewer());
        return new PostPage(views(page.items()), page.nextCursor());
    }

    @POST
    @Path("{forumId}/threads")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response createThread(@PathParam("forumId") UUID forumId, @NotNull @Valid NewThreadRequest request) {
        Post thread = forums.createThread(forumId, request.title(), request.body(), request.stance(), caller().accountId());
        return Response.created(uriInfo.getBaseUriBuilder().path("forums/threads/" + thread.id()).build()).entity(view(thread)).build();
    }

    // ---- threads and posts ----------------------------------------------------------------------------------------

    @GET
    @Path("threads/{threadId}")
    @PermitAll
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ThreadView.class)))
    public Response thread(@PathParam("threadId") UUID threadId) {
        UUID me = viewer().accountId();
        Supplier<ThreadView> compute = () -> {
            Post thread = forums.thread(threadId);
            return new ThreadView(view(thread), ForumView.of(forums.forum(thread.forumId())), following.follows(threadId, me));
        };
        return me == null ? Response.ok(threadPages.json(threadId, "thread", address(), compute), MediaType.APPLICATION_JSON).build()
                : Response.ok(compute.get()).build();
    }

    @GET
    @Path("threads/{threadId}/replies")
    @PermitAll
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PostPage.class)))
    public Response replies(@PathParam("threadId") UUID threadId,
                            @QueryParam("sort") @DefaultValue("OLDEST") @Pattern(regexp = SORTS) String sort,
                            @QueryParam("cursor") @Size(max = 100) String cursor,
                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Supplier<PostPage> compute = () -> {
            var page = forums.replies(threadId, Forums.Sort.valueOf(sort), cursor, limit);
            return new PostPage(views(page.items()), page.nextCursor());
        };
        return viewer().accountId() == null
                ? Response.ok(threadPages.json(threadId, "replies " + sort + " " + limit + " " + cursor, address(), compute), MediaType.APPLICATION_JSON).build()
                : Response.ok(compute.get()).build();
    }

    @PUT
    @Path("threads/{threadId}/follow")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response follow(@PathParam("threadId") UUID threadId) {
        forums.thread(threadId);
        following.follow(threadId, caller().accountId());
        return Response.noContent().build();
    }

    @DELETE
    @Path("threads/{threadId}/follow")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response unfollow(@PathParam("threadId") UUID threadId) {
        forums.thread(threadId);
        following.unfollow(threadId, caller().accountId());
        return Response.noContent().build();
    }

    @GET
    @Path("posts/{postId}")
    @PermitAll
    public PostView post(@PathParam("postId") UUID postId) {
        return view(forums.post(postId));
    }

    @POST
    @Path("posts/{postId}/replies")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response reply(@PathParam("postId") UUID postId, @NotNull @Valid NewReplyRequest request) {
        Post reply = forums.reply(postId, request.body(), request.stance(), caller().accountId());
        return Response.created(uriInfo.getBaseUriBuilder().path("forums/posts/" + reply.id()).build()).entity(view(reply)).build();
    }

    @PUT
    @Path("posts/{postId}")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public PostView edit(@PathParam("postId") UUID postId, @NotNull @Valid EditRequest request) {
        return view(forums.edit(postId, request.title(), request.body(), request.version(), caller().accountId()));
    }

    @DELETE
    @Path("posts/{postId}")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public PostView delete(@PathParam("postId") UUID postId) {
        return view(forums.delete(postId, caller().accountId()));
    }

    @GET
    @Path("posts/{postId}/revisions")
    @PermitAll
    public RevisionList revisions(@PathParam("postId") UUID postId) {
        Post post = forums.post(postId);
        if (!viewer().maySee(post)) throw ProblemException.notFound("post");
        return new RevisionList(forums.revisions(postId).stream()
                .map(r -> new RevisionView(r.title(), r.bodyHtml(), r.writtenAt(), r.replacedAt())).toList());
    }

    @PUT
    @Path("posts/{postId}/reaction")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public PostView react(@PathParam("postId") UUID postId, @NotNull @Valid ReactionRequest request) {
        return view(forums.react(postId, request.reaction(), caller().accountId()));
    }

    @DELETE
    @Path("posts/{postId}/reaction")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public PostView withdrawReaction(@PathParam("postId") UUID postId) {
        return view(forums.react(postId, null, caller().accountId()));
    }

    @POST
    @Path("posts/{postId}/flags")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public ModerationResource.FlagResult flag(@PathParam("postId") UUID postId, @NotNull @Valid ModerationResource.FlagRequest request) {
        Post post = forums.post(postId);
        if (!viewer().maySee(post) || post.deleted()) throw ProblemException.notFound("post");
        var flagged = moderation.flag(ForumContent.KIND, postId, caller().accountId(), request.reason(), request.note());
        return new ModerationResource.FlagResult(flagged.distinctFlags(), flagged.hidden());
    }

    // ---- attachments ----------------------------------------------------------------------------------------------

    @POST
    @Path("posts/{postId}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public Response attach(@PathParam("postId") UUID postId, @QueryParam("name") @Size(max = 200) String name, byte[] bytes) {
        Attachment a = attachments.attach(postId, name, bytes, caller().accountId());
        var view = AttachmentView.of(new Attachments.Info(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256()));
        return Response.created(uriInfo.getBaseUriBuilder().path("forums/attachments/" + a.id()).build()).entity(view).build();
    }

    @GET
    @Path("attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @PermitAll
    public Response attachment(@PathParam("attachmentId") UUID attachmentId) {
        Attachment a = attachments.attachment(attachmentId);
        Post post = forums.post(a.postId());
        if (!viewer().maySee(post) || post.deleted()) throw ProblemException.notFound("attachment");
        boolean pdf = "application/pdf".equals(a.contentType());
        return Response.ok(a.content(), a.contentType())
                .header("Content-Disposition", (pdf ? "attachment" : "inline") + "; filename=\"" + a.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    // ---- following and digests -------------------------------------------------------------------------------------

    @GET
    @Path("digest")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public DigestView digest() {
        return new DigestView(following.mode(caller().accountId()).name());
    }

    @PUT
    @Path("digest")
    @RolesAllowed(Role.ANY_SIGNED_IN)
    public DigestView chooseDigest(@NotNull @Valid DigestRequest request) {
        return new DigestView(following.choose(caller().accountId(), request.mode()).name());
    }

    /** Sends every daily digest that is due now, whatever the time of day (the scheduled job runs it once a day). */
    @POST
    @Path("digests/daily")
    @RolesAllowed(Role.ADMIN_NAME)
    public DigestRun sendDigests() {
        return new DigestRun(following.sendDigests(java.time.Duration.ZERO));
    }

    // ---- search ---------------------------------------------------------------------------------------------------

    /** A search hit: the post (a thread or a reply), where it is, and title and snippet with matches in mark. */
    public record SearchHitView(String kind, UUID postId, UUID threadId, UUID forumId, Instant date, String titleHtml,
                                String snippetHtml) {
    }

    public record SearchResults(long total, int offset, int limit, List<SearchHitView> hits) {
    }

    @GET
    @Path("search")
    @PermitAll
    public SearchResults search(@QueryParam("q") @Size(max = 200) String q, @QueryParam("forum") UUID forum,
                                @QueryParam("from") @Size(max = 40) String from, @QueryParam("to") @Size(max = 40) String to,
                                @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(SearchIndex.MAX_OFFSET) int offset,
                                @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(SearchIndex.MAX_LIMIT) int limit) {
        var page = searchIndex.search(new SearchQuery(java.util.Set.of(ForumIndexing.THREADS, ForumIndexing.POSTS), q,
                forum == null ? null : forum.toString(), SearchQuery.bound("from", from), SearchQuery.bound("to", to), offset, limit));
        var hits = page.hits().stream().map(h -> {
            UUID id = UUID.fromString(h.id());
            UUID threadId = ForumIndexing.THREADS.equals(h.kind()) ? id : forums.threadOf(id);
            return new SearchHitView(h.kind(), id, threadId, UUID.fromString(h.scope()), h.date(), h.titleHtml(), h.snippetHtml());
        }).toList();
        return new SearchResults(page.total(), offset, limit, hits);
    }


    // ---- views ----------------------------------------------------------------------------------------------------

    private SignedInCaller caller() {
        return (SignedInCaller) security.getUserPrincipal();
    }

    private String address() {
        var uri = uriInfo.getRequestUri();
        return ThreadPages.address(uri.getRawPath(), uri.getRawQuery());
    }

    private Viewer viewer() {
        return security.getUserPrincipal() instanceof SignedInCaller c
                ? new Viewer(c.accountId(), security.isUserInRole(Role.MODERATOR_NAME)) : Viewer.ANONYMOUS;
    }

    private PostView view(Post post) {
        return views(List.of(post)).get(0);
    }

    private List<PostView> views(List<Post> posts) {
        Viewer viewer = viewer();
        var ids = posts.stream().map(Post::id).toList();
        Map<UUID, Reaction.Kind> mine = forums.reactionsOf(viewer.accountId(), ids);
        Map<UUID, List<Attachments.Info>> files = attachments.of(ids);
        Instant now = Instant.now();
        return posts.stream().map(p -> {
            boolean readable = viewer.maySee(p);
            boolean author = viewer.isAuthorOf(p);
            boolean shown = readable && !p.deleted();
            Instant editableUntil = p.createdAt().plus(forums.editWindow());
            boolean canEdit = author && !p.deleted() && now.isBefore(editableUntil);
            var reaction = mine.get(p.id());
            return new PostView(p.id(), p.forumId(), p.threadId(), p.parentId(), p.depth(),
                    shown ? p.title() : null, shown ? p.bodyHtml() : null, shown && author ? p.bodyMarkdown() : null,
                    readable ? p.authorName() : null, author, readable && p.stance() != null ? p.stance().name() : null,
                    p.state().name(), p.state() == Post.State.HIDDEN, p.state() == Post.State.REMOVED, p.deleted(), !readable,
                    p.agreeCount(), p.disagreeCount(), p.replyCount(), reaction == null ? null : reaction.name(),
                    p.createdAt(), p.editedAt(), p.revisions(), "/api/forums/posts/" + p.id() + "/revisions",
                    canEdit, canEdit ? editableUntil : null, author && !p.deleted(),
                    viewer.accountId() != null && p.depth() < Post.MAX_DEPTH && p.state() != Post.State.REMOVED, p.version(),
                    shown ? files.getOrDefault(p.id(), List.of()).stream().map(AttachmentView::of).toList() : List.of());
        }).toList();
    }
}
