package org.madang.platform.text;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** Parsing shared by {@link Markdown} and {@link PlainText}: one parser, one input cap, one nesting limit. */
final class MarkdownDocuments {

    /** Longer input is cut here; posts, comments and documents are far shorter, and parsing stays fast. */
    static final int MAX_INPUT_CHARS = 100_000;

    /**
     * Deeper trees (quotes in quotes, lists in lists, ...) are not rendered as structure: the renderers recurse, and
     * the sanitiser drops elements nested deeper than 256. No honest text comes near this.
     */
    static final int MAX_DEPTH = 48;

    static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .customInlineContentParserFactory(new AngleBrackets()).build();

    private MarkdownDocuments() {
    }

    /** The input without its excess and without NUL characters (which CommonMark would turn into U+FFFD anyway). */
    static String capped(String markdown) {
        if (markdown == null) return "";
        String text = markdown;
        if (text.length() > MAX_INPUT_CHARS) {
            int end = MAX_INPUT_CHARS;
            // never cut a surrogate pair in half
            if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
            text = text.substring(0, end);
        }
        return text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
    }

    static Node parse(String cappedMarkdown) {
        return PARSER.parse(cappedMarkdown);
    }

    /** The depth of the tree, walked without recursion; stops counting once past {@link #MAX_DEPTH}. */
    static boolean tooDeep(Node document) {
        int depth = 0;
        Node node = document;
        while (node != null) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                if (++depth > MAX_DEPTH) return true;
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == null || node == document) return false;
            node = node.getNext();
        }
        return false;
    }
}
