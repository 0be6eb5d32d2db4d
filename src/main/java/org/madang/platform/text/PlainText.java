package org.madang.platform.text;

import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The words of a Markdown text without its markup: for the search index, mail and previews. */
public final class PlainText {

    private static final String ELLIPSIS = "…";

    private PlainText() {
    }

    /**
     * The text as a reader sees it (link and image text, code as written, raw HTML as the literal text it is shown
     * as), blocks separated by a line break, runs of spaces collapsed; at most {@code maxChars} characters, cut at a
     * word boundary where one is near and ended with "…" when cut. Empty for {@code null} or {@code maxChars <= 0}.
     * Never throws. The result is not HTML-escaped.
     */
    public static String excerpt(String markdown, int maxChars) {
        if (maxChars <= 0) return "";
        String text = MarkdownDocuments.capped(markdown);
        if (text.isBlank()) return "";
        String plain;
        try {
            plain = textOf(MarkdownDocuments.parse(text));
        } catch (RuntimeException | StackOverflowError tooDeep) {
            // the parser recurses on nesting thousands deep: take the markers off the lines' starts instead
            plain = text.replaceAll("(?m)^[\\s>*+#-]+", "");
        }
        return cut(tidy(plain), maxChars);
    }

    /** The literal text of the tree, walked without recursion (the tree may be deep). */
    private static String textOf(Node document) {
        var out = new StringBuilder();
        Node node = document.getFirstChild();
        while (node != null) {
            appendLiteral(node, out);
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                if (node instanceof Block) out.append('\n');
                node = node.getParent();
            }
            if (node == null || node == document) break;
            if (node instanceof Block) out.append('\n');
            node = node.getNext();
        }
        return out.toString();
    }

    private static void appendLiteral(Node node, StringBuilder out) {
        if (node instanceof Text t) out.append(t.getLiteral());
        else if (node instanceof Code c) out.append(c.getLiteral());
        else if (node instanceof HtmlInline h) out.append(h.getLiteral());
        else if (node instanceof HtmlBlock h) out.append(h.getLiteral());
        else if (node instanceof FencedCodeBlock f) out.append(f.getLiteral());
        else if (node instanceof IndentedCodeBlock i) out.append(i.getLiteral());
        else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) out.append(' ');
        else if (node instanceof Block && out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append(' ');
    }

    /** Spaces collapsed within lines, blank lines dropped, control characters removed. */
    private static String tidy(String text) {
        var out = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            String clean = line.replaceAll("[\\p{Cntrl}&&[^\\t]]", "").replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
            if (clean.isEmpty()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(clean);
        }
        return out.toString();
    }

    private static String cut(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) return text;
        if (maxChars == 1) return ELLIPSIS;
        int end = text.offsetByCodePoints(0, maxChars - 1);
        // prefer a word boundary in the last third, so a word is not cut in the middle
        int space = Math.max(text.lastIndexOf(' ', end), text.lastIndexOf('\n', end));
        if (space > 0 && space >= end - Math.max(1, maxChars / 3)) end = space;
        return text.substring(0, end).strip() + ELLIPSIS;
    }
}
