package org.madang.disclosure.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madang.platform.error.ProblemException;

class RedactedTextTest {

    @Test
    void eachPassageBecomesThePlaceholderOfItsGround() {
        var result = RedactedText.render("계약 단가: [[redact:ITEM_7]]1식 9,870,000원[[/redact]]\n담당자: [[redact:ITEM_6]]홍길동 010-1234-5678[[/redact]] 끝");
        assertThat(result.text()).isEqualTo("계약 단가: [비공개: 제9조제1항제7호]\n담당자: [비공개: 제9조제1항제6호] 끝");
        assertThat(result.passages()).isEqualTo(2);
        assertThat(result.grounds()).isEqualTo("ITEM_6,ITEM_7");
    }

    @Test
    void aPassageMaySpanLinesAndTextWithoutMarkupIsKept() {
        var result = RedactedText.render("# 회의록\n[[redact:ITEM_5]]첫 줄\n둘째 줄[[/redact]]\n[[링크]] 와 ]] 그대로");
        assertThat(result.text()).isEqualTo("# 회의록\n[비공개: 제9조제1항제5호]\n[[링크]] 와 ]] 그대로");
        assertThat(RedactedText.render("[[ REDACT:ITEM_5]]비밀[[/Redact]]").text())
                .as("a tag in other letter case still withholds: passing it through would leak").isEqualTo("[비공개: 제9조제1항제5호]");
        assertThat(RedactedText.render("가림 없음").passages()).isZero();
        assertThat(RedactedText.render("가림 없음").grounds()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "a [[redact:ITEM_5]]x [[redact:ITEM_6]]y[[/redact]] z[[/redact]] | disclosure.redactNested | 1",
            "a [[redact:ITEM_5]]secret                                     | disclosure.redactUnclosed | 1",
            "a\\nb [[/redact]]                                              | disclosure.redactCloseWithoutOpen | 2",
            "[[redact:ITEM_9]]secret[[/redact]]                           | disclosure.redactUnknownGround | 1",
            "[[redact]]secret[[/redact]]                                  | disclosure.redactUnknownGround | 1",
            "[[redact:item_5]]secret[[/redact]]                           | disclosure.redactUnknownGround | 1",
            "[[redact:ITEM_5]]   [[/redact]]                              | disclosure.redactEmpty | 1",
            "[[redact:ITEM_5]secret[[/redact]]                            | disclosure.redactUnclosedTag | 1",
            "[[redact:ITEM_5]]secret[[/redact:ITEM_5]]                    | disclosure.redactUnknownGround | 1",
    })
    void malformedMarkupIsRefusedWithItsLine(String marked, String key, long line) {
        assertThatThrownBy(() -> RedactedText.render(marked.replace("\\n", "\n").strip()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.fieldErrors()).hasSize(1);
                    assertThat(e.fieldErrors().get(0).messageKey()).isEqualTo(key);
                    assertThat(e.fieldErrors().get(0).arguments()).containsExactly(line);
                });
    }
}
