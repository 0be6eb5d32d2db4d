package org.madang.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.madang.consultation.control.WordDiff.Op;
import org.madang.consultation.control.WordDiff.Span;

class WordDiffTest {

    private static String side(List<Span> spans, Op skipped) {
        return spans.stream().filter(s -> s.op() != skipped).map(Span::text).collect(Collectors.joining());
    }

    @Test
    void aChangedWordIsOneDeleteAndOneInsertBetweenKeptText() {
        var spans = WordDiff.diff("공공기관은 30일 이내에 답변하여야 한다.", "공공기관은 14일 이내에 답변하여야 한다.");
        assertThat(spans).containsExactly(new Span(Op.EQUAL, "공공기관은 "), new Span(Op.DELETE, "30일 "),
                new Span(Op.INSERT, "14일 "), new Span(Op.EQUAL, "이내에 답변하여야 한다."));
    }

    @Test
    void joiningTheSpansGivesBackBothTexts() {
        String before = "The minister shall publish the draft for at least forty days and answer every comment.";
        String after = "The minister must publish the full draft for at least sixty days, and answer each comment in writing.";
        var spans = WordDiff.diff(before, after);
        assertThat(side(spans, Op.INSERT)).isEqualTo(before);
        assertThat(side(spans, Op.DELETE)).isEqualTo(after);
        assertThat(spans).contains(new Span(Op.INSERT, "full "));
    }

    @Test
    void insertionsAndDeletionsAtTheEnds() {
        assertThat(WordDiff.diff("", "새 조문")).containsExactly(new Span(Op.INSERT, "새 조문"));
        assertThat(WordDiff.diff("옛 조문", "")).containsExactly(new Span(Op.DELETE, "옛 조문"));
        assertThat(WordDiff.diff("a b", "a b")).containsExactly(new Span(Op.EQUAL, "a b"));
        assertThat(WordDiff.diff("b c", "a b c d")).containsExactly(new Span(Op.INSERT, "a "), new Span(Op.EQUAL, "b c "),
                new Span(Op.INSERT, "d"));
    }

    @Test
    void hugeTextsFallBackToReplacingEverything() {
        String before = "x ".repeat(3000), after = "y ".repeat(3000);
        assertThat(WordDiff.diff(before, after)).containsExactly(new Span(Op.DELETE, before), new Span(Op.INSERT, after));
    }
}
