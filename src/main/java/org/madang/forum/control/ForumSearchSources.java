package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Stream;
import org.madang.platform.search.SearchDocument;
import org.madang.platform.search.SearchSource;

/** The forums' documents for index rebuilds: one source per kind. */
public final class ForumSearchSources {

    private ForumSearchSources() {
    }

    @ApplicationScoped
    public static class Threads implements SearchSource {
        @Inject
        ForumIndexing indexing;

        @Override
        public String kind() { return ForumIndexing.THREADS; }

        @Override
        public Stream<SearchDocument> all() { return indexing.all(true); }
    }

    @ApplicationScoped
    public static class Posts implements SearchSource {
        @Inject
        ForumIndexing indexing;

        @Override
        public String kind() { return ForumIndexing.POSTS; }

        @Override
        public Stream<SearchDocument> all() { return indexing.all(false); }
    }
}
