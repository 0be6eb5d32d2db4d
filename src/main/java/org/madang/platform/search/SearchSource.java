package org.madang.platform.search;

import java.util.stream.Stream;

/**
 * All documents of one kind, as they are in the database: a feature implements it as a CDI bean, and
 * {@link SearchIndex#rebuild} reads it. {@link #all()} is consumed inside a transaction and closed afterwards, so it
 * may stream a query's results.
 */
public interface SearchSource {

    String kind();

    Stream<SearchDocument> all();
}
