package org.madang.platform.search;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to search for.
 *
 * @param kinds  the kinds to search; empty or null for all
 * @param text   the user's words, taken as words and never as query syntax; blank for "everything, newest first"
 * @param scope  only documents with this scope; nullable
 * @param from   only documents dated at or after this instant; nullable
 * @param to     only documents dated before this instant; nullable
 * @param offset hits to skip; pages beyond {@value SearchIndex#MAX_OFFSET} are empty
 * @param limit  hits to return (1 to {@value SearchIndex#MAX_LIMIT})
 */
public record SearchQuery(Set<String> kinds, String text, String scope, Instant from, Instant to, int offset, int limit) {

    public SearchQuery {
        kinds = kinds == null ? Set.of()
                : kinds.stream().filter(kind -> kind != null && !kind.isBlank()).collect(Collectors.toUnmodifiableSet());
    }

    /** The first {@code limit} hits for the text in the given kinds, without filters. */
    public static SearchQuery of(String text, int limit, String... kinds) {
        return new SearchQuery(Set.of(kinds), text, null, null, null, 0, limit);
    }

    /**
     * A date filter as an API takes it: an ISO-8601 instant (2026-01-31T00:00:00Z) or a date (2026-01-31, midnight in
     * Seoul); null when blank, a 400 naming the field when unreadable.
     */
    public static Instant bound(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneId.of("Asia/Seoul")).toInstant()
                    : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.madang.platform.error.ProblemException.invalid(field, "constraint.Pattern");
        }
    }
}
