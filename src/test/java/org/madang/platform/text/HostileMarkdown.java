package org.madang.platform.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The hostile-input corpus ({@code hostile-markdown.txt} beside this class, reusable by every feature's tests) and the
 * check that rendered HTML is inert, made with a real HTML parser (jsoup) rather than string matching.
 */
public final class HostileMarkdown {

    private HostileMarkdown() {
    }

    /** The corpus entries from the resource file. */
    public static List<String> corpus() {
        try (var in = HostileMarkdown.class.getResourceAsStream("hostile-markdown.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var parts = text.split("(?m)^%%%\\R", -1);
            var entries = new ArrayList<String>();
            for (int i = 1; i < parts.length; i++) { // parts[0] is the header
                String entry = parts[i].endsWith("\n") ? parts[i].substring(0, parts[i].length() - 1) : parts[i];
                if (!entry.isBlank()) entries.add(entry);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inputs made in code: too large or too deep to keep in a file, or holding control characters. */
    public static List<String> generated() {
        return List.of(
                ">".repeat(50_000) + " deep quote <script>alert(1)</script>",
                "> ".repeat(5_000) + "[x](javascript:alert(1))",
                "- ".repeat(10_000) + "deep list <img src=x onerror=alert(1)>",
                nestedIndentedList(400),
                "*".repeat(60_000) + "<script>alert(1)</script>" + "_".repeat(60_000),
                "[".repeat(60_000) + "](javascript:alert(1))",
                "<".repeat(40_000) + "script>alert(1)",
                "x<".repeat(50_000),
                "<a ".repeat(33_000) + ">",
                "![".repeat(30_000) + "](data:x)",
                "`".repeat(50_000),
                "[a](javascript:alert(1)) ".repeat(20_000),
                "<a href=\"javascript:alert(1)\">x</a>\n".repeat(20_000),
                "[x](java\u0000script:alert(1)) <scr\u0000ipt>alert(1)</script>",
                "[x](java\u000Bscript:alert(1)) \u202E<script>alert(1)</script>",
                "| a |\n|---|\n" + "| <script>alert(1)</script> |\n".repeat(10_000),
                "교육부의 교육정책 ".repeat(30_000) + "<script>alert(1)</script>");
    }

    private static String nestedIndentedList(int depth) {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append("  ".repeat(i)).append("- level ").append(i).append(" [x](javascript:alert(").append(i).append("))\n");
        }
        return text.toString();
    }

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", Set.of("href", "title", "rel")),
            Map.entry("img", Set.of("src", "alt", "title")),
            Map.entry("th", Set.of("align")),
            Map.entry("td", Set.of("align")),
            Map.entry("code", Set.of("class")),
            Map.entry("ol", Set.of("start")));
    private static final Set<String> ELEMENTS = Set.of("p", "br", "hr", "h1", "h2", "h3", "h4", "h5",
            "h6", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "table", "thead",
            "tbody", "tr", "th", "td");

    /** Throws an AssertionError naming the first thing in {@code html} that is not inert. */
    public static void assertInert(String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) continue;
            String tag = element.normalName();
            if (!ELEMENTS.contains(tag)) throw new AssertionError("element <" + tag + "> in " + abbreviate(html));
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) throw new AssertionError("event handler " + name + " in " + abbreviate(html));
                if (!ALLOWED.getOrDefault(tag, Set.of()).contains(name)) {
                    throw new AssertionError("attribute " + name + " on <" + tag + "> in " + abbreviate(html));
                }
            }
            if (tag.equals("a")) {
                var rels = Set.of(element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
                if (!rels.contains("nofollow") || !rels.contains("ugc")) {
                    throw new AssertionError("link without rel=\"nofollow ugc\": " + element.outerHtml());
                }
                if (element.hasAttr("href") && !safeLink(element.attr("href"))) {
                    throw new AssertionError("unsafe href: " + element.outerHtml());
                }
            }
            if (tag.equals("img") && !(element.hasAttr("src") && safeImage(element.attr("src")))) {
                throw new AssertionError("unsafe or missing img src: " + element.outerHtml());
            }
            if (tag.equals("code") && element.hasAttr("class") && !element.attr("class").matches("language-[\\w+#.-]+")) {
                throw new AssertionError("class on code: " + element.outerHtml());
            }
        }
    }

    private static boolean safeLink(String href) {
        String url = href.toLowerCase(Locale.ROOT);
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("mailto:")
                || (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\"));
    }

    private static boolean safeImage(String src) {
        String url = src.toLowerCase(Locale.ROOT);
        return url.startsWith("https://") || url.startsWith("/api/");
    }

    private static String abbreviate(String html) {
        return html.length() <= 300 ? html : html.substring(0, 300) + "…";
    }
}
