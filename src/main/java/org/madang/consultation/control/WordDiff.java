package org.madang.consultation.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff by longest common subsequence: the proposed text against the article's, as runs of kept,
 * deleted and inserted text. Words keep their trailing white space, so joining the spans gives back either text.
 */
public final class WordDiff {

    public enum Op { EQUAL, DELETE, INSERT }

    public record Span(Op op, String text) {
    }

    /** Above this many word pairs the table would be too large: the diff is then one delete and one insert. */
    static final long MAX_CELLS = 4_000_000;
    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    private WordDiff() {
    }

    public static List<Span> diff(String before, String after) {
        List<String> a = words(before), b = words(after);
        int n = a.size(), m = b.size();
        List<Span> spans = new ArrayList<>();
        if ((long) n * m > MAX_CELLS) {
            add(spans, Op.DELETE, before);
            add(spans, Op.INSERT, after);
            return spans;
        }
        // lcs[i][j]: length of the LCS of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(a.get(i), b.get(j))) {
                add(spans, Op.EQUAL, b.get(j));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(spans, Op.DELETE, a.get(i++)); // on a tie the old words go first, as readers expect
            } else {
                add(spans, Op.INSERT, b.get(j++));
            }
        }
        return spans;
    }

    /** Words compare without their trailing white space, so a changed line break is no change. */
    private static boolean same(String x, String y) {
        return x.strip().equals(y.strip());
    }

    private static void add(List<Span> spans, Op op, String text) {
        if (text.isEmpty()) return;
        if (!spans.isEmpty() && spans.get(spans.size() - 1).op() == op) {
            Span last = spans.remove(spans.size() - 1);
            spans.add(new Span(op, last.text() + text));
        } else {
            spans.add(new Span(op, text));
        }
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }
}
