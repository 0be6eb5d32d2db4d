package org.madang.platform.search;

import java.time.Instant;

/**
 * One document found. {@code titleHtml} and {@code snippetHtml} are the document's text HTML-escaped, with the
 * matched words wrapped in {@code <mark>}; safe to put into a page as they are.
 */
public record SearchHit(String kind, String id, String scope, Instant date, String titleHtml, String snippetHtml, float score) {
}
