package org.madang.platform.text;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Scanner;

/**
 * Parses "<" in running text in linear time, in place of CommonMark's own autolink and inline-HTML parsers, which
 * look for the next ">" from every "<" (40,000 of them took seconds). Raw HTML is shown as text anyway, so only
 * autolinks ({@code <https://...>}, {@code <someone@example.com>}) keep a meaning; any other "<" is plain text.
 */
final class AngleBrackets implements InlineContentParserFactory {

    /** An autolink is short and has no spaces, "<" or ">" (CommonMark spec, section 6.5). */
    private static final int LONGEST_AUTOLINK = 2048;
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>\\p{Cntrl}]*");
    private static final Pattern EMAIL = Pattern.compile(
            "[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                    + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    @Override
    public Set<Character> getTriggerCharacters() {
        return Set.of('<');
    }

    @Override
    public InlineContentParser create() {
        return AngleBrackets::parse;
    }

    private static ParsedInline parse(InlineParserState state) {
        Scanner scanner = state.scanner();
        var start = scanner.position();
        scanner.next(); // the "<"
        var contentStart = scanner.position();
        int length = 0;
        // stops at the next "<", so each character is looked at by one scan only
        while (scanner.hasNext() && length <= LONGEST_AUTOLINK) {
            char c = scanner.peek();
            if (c == '>' || c == '<' || Character.isWhitespace(c) || Character.isISOControl(c)) break;
            scanner.next();
            length++;
        }
        if (length > 0 && length <= LONGEST_AUTOLINK && scanner.peek() == '>') {
            String content = scanner.getSource(contentStart, scanner.position()).getContent();
            String destination = URI.matcher(content).matches() ? content
                    : EMAIL.matcher(content).matches() ? "mailto:" + content : null;
            if (destination != null) {
                scanner.next(); // the ">"
                var link = new Link(destination, null);
                link.appendChild(new Text(content));
                return ParsedInline.of(link, scanner.position());
            }
        }
        scanner.setPosition(start);
        scanner.next();
        return ParsedInline.of(new Text("<"), scanner.position());
    }
}
