package org.madang.platform.moderation.control;

import java.util.Optional;
import java.util.UUID;

/**
 * What a feature supplies so its content can be flagged and moderated: found by CDI, one bean per content kind
 * (forum posts, consultation comments, ...). Moderation decides; the feature shows, hides or removes.
 */
public interface ModeratedContent {

    /** The kind named in flags, decisions and the public log, e.g. "forum-post". */
    String kind();

    /** The content, or empty when there is none with that id. */
    Optional<Subject> describe(UUID id);

    /** Hidden pending review or by decision: invisible to citizens, still visible to its author and moderators. */
    void hide(UUID id);

    /** Visible again (a kept post, an appeal upheld by the author). */
    void restore(UUID id);

    /** Removed for good: only moderators see it. */
    void remove(UUID id);

    /** A moderator's view of the content: its author, a text excerpt, where it is, whether citizens see it. */
    record Subject(UUID authorId, String excerpt, String link, boolean visible) {
    }
}
