package org.madang.platform.text;

import java.util.regex.Pattern;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Citizens' Markdown to HTML that is safe to put in a page: CommonMark with GFM tables, strikethrough and autolinks,
 * then the OWASP sanitiser as a second, independent line of defence. Raw HTML in the input is shown as text, not
 * interpreted. Links keep only http, https and mailto (or a path on this site) and carry {@code rel="nofollow ugc"};
 * images load only over https or from the platform's own {@code /api/} attachments.
 */
public final class Markdown {

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(MarkdownDocuments.EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    /** A link target: an absolute http(s) or mailto URL, or a path on this site (not "//host", which leaves it). */
    private static final Pattern LINK_URL = Pattern.compile("(?i)(?:https?://|mailto:|/(?![/\\\\]))[^\\s]*");
    /** An image source: https anywhere, or the platform's own attachments. */
    private static final Pattern IMAGE_URL = Pattern.compile("(?i)(?:https://|/api/)[^\\s]*");
    private static final Pattern ALIGNMENT = Pattern.compile("left|center|right");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "code", "pre",
                    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(LINK_URL).onElements("a")
            .allowAttributes("title").onElements("a", "img")
            .allowAttributes("src").matching(IMAGE_URL).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("align").matching(ALIGNMENT).onElements("th", "td")
            .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            // a link or image whose target was refused is dropped, its text kept
            .allowElements((name, attributes) -> attributes.contains("href") ? name : null, "a")
            .allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
            .requireRelsOnLinks("nofollow", "ugc")
            .toFactory();

    private Markdown() {
    }

    /** Sanitised HTML for the given Markdown; empty for {@code null}. Never throws. */
    public static String toSafeHtml(String markdown) {
        String text = MarkdownDocuments.capped(markdown);
        if (text.isBlank()) return "";
        String html;
        try {
            var document = MarkdownDocuments.parse(text);
            html = MarkdownDocuments.tooDeep(document) ? asParagraphs(text) : RENDERER.render(document);
        } catch (RuntimeException | StackOverflowError unexpected) {
            // a parser bug must not take a page down: show the text as it was written
            html = asParagraphs(text);
        }
        return POLICY.sanitize(html);
    }

    /** The text, HTML-escaped, one paragraph per blank-line-separated block: for input too deep to render. */
    private static String asParagraphs(String text) {
        var html = new StringBuilder(text.length() + 64);
        for (String block : text.split("\\R\\s*\\R")) {
            if (block.isBlank()) continue;
            html.append("<p>").append(Html.escape(block.strip()).replaceAll("\\R", "<br>")).append("</p>\n");
        }
        return html.toString();
    }
}
