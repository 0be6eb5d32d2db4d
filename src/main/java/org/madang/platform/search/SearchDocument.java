package org.madang.platform.search;

import java.time.Instant;

/**
 * One searchable text of a feature.
 *
 * @param kind    the feature's document type, e.g. "forum-post", "publication" (lower case letters, digits, "-")
 * @param id      the document's id within its kind
 * @param title   shown and searched, may be empty
 * @param body    plain text (use {@link org.madang.platform.text.PlainText#excerpt} on Markdown), searched and
 *                used for snippets
 * @param scope   a filter value such as a forum or agency id; nullable
 * @param date    for date filters and for ordering when there is no search text; nullable
 * @param visible only visible documents are searchable; an invisible one is kept out of the index altogether, so
 *                hidden or redacted text is never served by search
 */
public record SearchDocument(String kind, String id, String title, String body, String scope, Instant date, boolean visible) {

    public SearchDocument {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("kind is required");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id is required");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }
}
