package org.madang.disclosure.control;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.madang.disclosure.entity.ExemptionGround;
import org.madang.platform.error.ProblemException;

/**
 * Turns an official's marked-up text into the only rendering that may be stored or served. A withheld passage is
 * written {@code [[redact:ITEM_5]]…[[/redact]]}, citing the Art. 9(1) item that justifies withholding it, and is
 * replaced by {@code [비공개: 제9조제1항제5호]}. Markup that cannot be read with certainty (nested, unclosed, a close
 * without an open, an unknown ground, an empty passage) is refused as a whole: guessing could leak a passage.
 */
public final class RedactedText {

    /** Any token that looks like redaction markup, well-formed or not; the well-formed ones are checked one by one. */
    private static final Pattern TOKEN = Pattern.compile("\\[\\[\\s*(/?)\\s*redact\\b([^\\]]*)\\]\\]|\\[\\[\\s*/?\\s*redact\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPEN_GROUND = Pattern.compile(":(ITEM_[1-8])");

    public record Result(String text, int passages, String grounds) {
    }

    private RedactedText() {
    }

    public static String placeholder(ExemptionGround ground) {
        return "[비공개: 제9조제1항제" + ground.item() + "호]";
    }

    public static Result render(String marked) {
        var out = new StringBuilder(marked.length());
        var grounds = new TreeSet<ExemptionGround>();
        Matcher m = TOKEN.matcher(marked);
        int copiedUpTo = 0;
        ExemptionGround open = null;
        int openEnd = -1;
        int passages = 0;
        while (m.find()) {
            if (m.group(2) == null && m.group(1) == null) throw malformed(marked, "disclosure.redactUnclosedTag", m.start());
            boolean closing = "/".equals(m.group(1));
            if (!closing) {
                if (open != null) throw malformed(marked, "disclosure.redactNested", m.start());
                Matcher g = OPEN_GROUND.matcher(m.group(2).strip());
                if (!g.matches()) throw malformed(marked, "disclosure.redactUnknownGround", m.start());
                open = ExemptionGround.valueOf(g.group(1));
                out.append(marked, copiedUpTo, m.start());
                openEnd = m.end();
            } else {
                if (open == null) throw malformed(marked, "disclosure.redactCloseWithoutOpen", m.start());
                if (!m.group(2).isBlank()) throw malformed(marked, "disclosure.redactUnknownGround", m.start());
                if (marked.substring(openEnd, m.start()).isBlank()) throw malformed(marked, "disclosure.redactEmpty", m.start());
                out.append(placeholder(open));
                grounds.add(open);
                passages++;
                open = null;
            }
            copiedUpTo = m.end();
        }
        if (open != null) throw malformed(marked, "disclosure.redactUnclosed", openEnd);
        out.append(marked, copiedUpTo, marked.length());
        return new Result(out.toString(), passages, grounds.stream().map(Enum::name).collect(Collectors.joining(",")));
    }

    /** The position is reported as a line number, so the official can find the mistake without the text echoed back. */
    private static ProblemException malformed(String marked, String key, int offset) {
        long line = 1 + marked.substring(0, offset).chars().filter(c -> c == '\n').count();
        return ProblemException.invalid("text", key, line);
    }
}
