package org.madang.forum.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void sameWordsWhateverCaseSpacingPunctuationOrWidthAreTheSamePost() {
        String hash = PostText.of("교육부의 계획에 찬성합니다. Great plan!").hash();
        assertThat(PostText.of("  교육부의   계획에 찬성합니다 great PLAN!!! ").hash()).isEqualTo(hash);
        assertThat(PostText.of("교육부의 계획에 찬성합니다. Ｇｒｅａｔ plan").hash()).isEqualTo(hash);
        assertThat(PostText.of("교육부의 계획에 반대합니다. Great plan!").hash()).isNotEqualTo(hash);
    }

    @Test
    void rendersSafeHtmlOnce() {
        var text = PostText.of("**굵게** <script>alert(1)</script>");
        assertThat(text.html()).contains("<strong>굵게</strong>").doesNotContain("<script");
        assertThat(text.markdown()).isEqualTo("**굵게** <script>alert(1)</script>");
    }
}
