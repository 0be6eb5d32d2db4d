package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.madang.forum.entity.Post;

/** Keeps the search index current on every change of a post. Until the platform's search index exists: nothing. */
@ApplicationScoped
public class ForumIndexing {

    void changed(Post post) {
        // the platform search index (org.madang.platform.search) is not on this branch yet
    }
}
