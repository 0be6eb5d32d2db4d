package org.madang.forum.control;

import java.util.UUID;

/** Who is reading: nobody (accountId null), a person, or a moderator (who sees hidden and removed posts). */
public record Viewer(UUID accountId, boolean moderator) {

    public static final Viewer ANONYMOUS = new Viewer(null, false);

    public boolean isAuthorOf(org.madang.forum.entity.Post post) {
        return accountId != null && accountId.equals(post.authorId());
    }

    /** Whether the post's text may be shown to this viewer. */
    public boolean maySee(org.madang.forum.entity.Post post) {
        return switch (post.state()) {
            case VISIBLE -> true;
            case HIDDEN -> moderator || isAuthorOf(post);
            case REMOVED -> moderator;
        };
    }
}
