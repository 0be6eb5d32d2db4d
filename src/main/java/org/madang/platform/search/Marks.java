package org.madang.platform.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.madang.platform.text.Html;

/**
 * Highlighting: a document's text, HTML-escaped, with the words that matched the query wrapped in {@code <mark>}. The
 * text is cut into terms again by both analyzers, and a word is marked where one of its terms is a query term.
 */
final class Marks {

    /** How much of a long body is looked at for a snippet; a match further in leaves the snippet unmarked. */
    static final int MAX_ANALYSED_CHARS = 20_000;
    private static final String ELLIPSIS = "…";

    private Marks() {
    }

    private record Span(int start, int end) {
    }

    /** The whole text, escaped and marked. */
    static String all(String text, UserQuery query) {
        return marked(text, 0, text.length(), spans(text, query));
    }

    /** About {@code maxChars} of the text around its first match (or from its start), escaped and marked. */
    static String snippet(String text, UserQuery query, int maxChars) {
        if (text.length() <= maxChars) return all(text, query);
        var spans = spans(text.substring(0, Math.min(text.length(), MAX_ANALYSED_CHARS)), query);
        int start = 0;
        if (!spans.isEmpty() && spans.get(0).end() > maxChars * 3 / 4) {
            start = wordStart(text, spans.get(0).start() - maxChars / 4);
        }
        int end = Math.min(text.length(), start + maxChars);
        if (end < text.length()) end = wordEnd(text, end, start);
        return (start > 0 ? ELLIPSIS : "") + marked(text, start, end, spans) + (end < text.length() ? ELLIPSIS : "");
    }

    private static List<Span> spans(String text, UserQuery query) {
        var spans = new ArrayList<Span>();
        if (query.query() == null) return spans;
        collect(text, Analysis.KOREAN, query.koreanTerms(), spans);
        collect(text, Analysis.ENGLISH, query.englishTerms(), spans);
        spans.sort(Comparator.comparingInt(Span::start));
        var merged = new ArrayList<Span>();
        for (var span : spans) {
            var last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    private static void collect(String text, Analyzer analyzer, Set<String> terms, List<Span> spans) {
        if (terms.isEmpty()) return;
        Analysis.tokens(analyzer, text, (term, start, end) -> {
            if (terms.contains(term) && start < end && end <= text.length()) spans.add(new Span(start, end));
        });
    }

    private static String marked(String text, int from, int to, List<Span> spans) {
        var html = new StringBuilder(to - from + 32);
        int at = from;
        for (var span : spans) {
            int start = Math.max(span.start(), at);
            int end = Math.min(span.end(), to);
            if (start >= end) continue;
            html.append(Html.escape(text.substring(at, start))).append("<mark>")
                    .append(Html.escape(text.substring(start, end))).append("</mark>");
            at = end;
        }
        html.append(Html.escape(text.substring(at, to)));
        return html.toString();
    }

    /** The start of the word at or after {@code index}, so a snippet does not begin mid-word. */
    private static int wordStart(String text, int index) {
        if (index <= 0) return 0;
        int space = text.indexOf(' ', index);
        return space < 0 || space - index > 20 ? safeIndex(text, index) : space + 1;
    }

    /** The end of the word before {@code index}, so a snippet does not end mid-word. */
    private static int wordEnd(String text, int index, int notBefore) {
        int space = text.lastIndexOf(' ', index);
        return space <= notBefore || index - space > 20 ? safeIndex(text, index) : space;
    }

    /** Never between the two halves of a surrogate pair. */
    private static int safeIndex(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
