package org.madang.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownTest {

    static Stream<String> corpus() {
        return HostileMarkdown.corpus().stream();
    }

    static Stream<String> generated() {
        return HostileMarkdown.generated().stream();
    }

    /** The sanitised HTML of the Markdown, parsed back into a document body. */
    private static Element rendered(String markdown) {
        return Jsoup.parseBodyFragment(Markdown.toSafeHtml(markdown)).body();
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertThat(HostileMarkdown.corpus()).hasSizeGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void hostileInputRendersInert(String markdown) {
        HostileMarkdown.assertInert(Markdown.toSafeHtml(markdown));
    }

    @ParameterizedTest
    @MethodSource("generated")
    void hugeDeepAndOddInputRendersInertWithoutThrowing(String markdown) {
        String html = Markdown.toSafeHtml(markdown);
        HostileMarkdown.assertInert(html);
    }

    @ParameterizedTest
    @MethodSource({"corpus", "generated"})
    void plainTextNeverThrowsAndKeepsToItsLength(String markdown) {
        assertThat(PlainText.excerpt(markdown, 200).codePointCount(0, PlainText.excerpt(markdown, 200).length()))
                .isLessThanOrEqualTo(200);
    }

    @Test
    void scriptIsShownAsTextNotRun() {
        String html = Markdown.toSafeHtml("Hello <script>alert(1)</script> world");
        assertThat(Jsoup.parseBodyFragment(html).select("script")).isEmpty();
        assertThat(Jsoup.parseBodyFragment(html).text()).isEqualTo("Hello <script>alert(1)</script> world");
    }

    @Test
    void javascriptLinksLoseTheirTargetButKeepTheirText() {
        var body = rendered("[click](javascript:alert(1))");
        assertThat(body.text()).isEqualTo("click");
        assertThat(body.select("a[href]")).isEmpty();
    }

    @Test
    void nullAndBlankGiveEmptyHtml() {
        assertThat(Markdown.toSafeHtml(null)).isEmpty();
        assertThat(Markdown.toSafeHtml("  \n ")).isEmpty();
        assertThat(PlainText.excerpt(null, 10)).isEmpty();
        assertThat(PlainText.excerpt("text", 0)).isEmpty();
    }

    @Test
    void inputBeyondTheCapIsCut() {
        String html = Markdown.toSafeHtml("가".repeat(150_000));
        assertThat(Jsoup.parseBodyFragment(html).text()).hasSize(MarkdownDocuments.MAX_INPUT_CHARS);
    }

    @Test
    void deepQuotesFallBackToTheirTextAsParagraphs() {
        String html = Markdown.toSafeHtml(">".repeat(10_000) + " 깊은 인용\n\n다음 문단");
        var body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.select("blockquote")).isEmpty();
        assertThat(body.select("p")).hasSize(2);
        assertThat(body.text()).contains("깊은 인용").contains("다음 문단");
    }

    @Test
    void modestNestingStillRenders() {
        var body = rendered("> > > 세 겹 인용\n\n- a\n  - b\n    - c");
        assertThat(body.select("blockquote blockquote blockquote p").text()).isEqualTo("세 겹 인용");
        assertThat(body.select("ul ul ul li").text()).isEqualTo("c");
    }

    @Test
    void headingsEmphasisAndStrikethrough() {
        var body = rendered("# 제목\n\n## Subtitle\n\n*기울임* and **굵게** and ~~지움~~");
        assertThat(body.select("h1").text()).isEqualTo("제목");
        assertThat(body.select("h2").text()).isEqualTo("Subtitle");
        assertThat(body.select("em").text()).isEqualTo("기울임");
        assertThat(body.select("strong").text()).isEqualTo("굵게");
        assertThat(body.select("del").text()).isEqualTo("지움");
    }

    @Test
    void listsKeepOrderAndStart() {
        var body = rendered("3. 셋\n4. 넷\n\n- 가\n- 나");
        assertThat(body.select("ol").attr("start")).isEqualTo("3");
        assertThat(body.select("ol li").eachText()).containsExactly("셋", "넷");
        assertThat(body.select("ul li").eachText()).containsExactly("가", "나");
    }

    @Test
    void codeKeepsItsLanguageAndEscapesItsText() {
        var body = rendered("```java\nif (a < b) x();\n```\n\n`<b>`");
        assertThat(body.select("pre code.language-java").text()).isEqualTo("if (a < b) x();");
        assertThat(body.select("p code").text()).isEqualTo("<b>");
    }

    @Test
    void tablesWithAlignment() {
        var body = rendered("| 지역 | 찬성 |\n|:---|---:|\n| 서울 | 42 |\n| 부산 | 17 |");
        assertThat(body.select("thead th").eachText()).containsExactly("지역", "찬성");
        assertThat(body.select("tbody tr")).hasSize(2);
        assertThat(body.select("tbody td").eachText()).containsExactly("서울", "42", "부산", "17");
        assertThat(body.select("th").get(1).attr("align")).isEqualTo("right");
    }

    @Test
    void linksGetNofollowUgcAndKeepSafeTargets() {
        var body = rendered("[정부](https://www.korea.kr/) [메일](mailto:a@example.com) [내부](/forums/1) https://www.example.com/a");
        var links = body.select("a");
        assertThat(links.eachAttr("href")).containsExactly("https://www.korea.kr/", "mailto:a@example.com",
                "/forums/1", "https://www.example.com/a");
        assertThat(links.eachAttr("rel")).allSatisfy(rel -> assertThat(rel).contains("nofollow").contains("ugc"));
    }

    @Test
    void angleBracketAutolinksStillWork() {
        var body = rendered("<https://www.korea.kr/x?a=1> <someone@example.com> <javascript:alert(1)> a<b");
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://www.korea.kr/x?a=1", "mailto:someone@example.com");
        assertThat(body.text()).isEqualTo("https://www.korea.kr/x?a=1 someone@example.com javascript:alert(1) a<b");
    }

    @Test
    void imagesOnlyFromHttpsOrOwnAttachments() {
        var body = rendered("![a](https://cdn.example/a.png) ![b](/api/attachments/1) ![c](http://plain.example/c.png)");
        assertThat(body.select("img").eachAttr("src")).containsExactly("https://cdn.example/a.png", "/api/attachments/1");
        assertThat(body.select("img").eachAttr("alt")).containsExactly("a", "b");
        assertThat(body.text()).isEmpty();
    }

    @Test
    void koreanTextIsKeptAsWritten() {
        String markdown = "대중교통 요금 인상에 대한 **시민 의견**을 듣습니다.\n줄바꿈도 있습니다.";
        var body = rendered(markdown);
        assertThat(body.text()).isEqualTo("대중교통 요금 인상에 대한 시민 의견을 듣습니다. 줄바꿈도 있습니다.");
        assertThat(body.select("strong").text()).isEqualTo("시민 의견");
    }

    @Test
    void plainTextDropsMarkupKeepsWords() {
        String text = PlainText.excerpt("# 제목\n\n**교육정책**에 [관한](https://x.example/) 글\n\n- 하나\n- 둘\n\n`code` <b>raw</b>", 200);
        assertThat(text).isEqualTo("제목\n교육정책에 관한 글\n하나\n둘\ncode <b>raw</b>");
    }

    @Test
    void plainTextCutsAtAWordBoundaryWithAnEllipsis() {
        String text = PlainText.excerpt("교육부의 새로운 교육정책에 대한 의견을 모읍니다", 15);
        assertThat(text).isEqualTo("교육부의 새로운 교육정책에…");
        assertThat(PlainText.excerpt("교육부의 새로운 교육정책에 대한 의견을 모읍니다", 12)).isEqualTo("교육부의 새로운…");
        assertThat(PlainText.excerpt("짧은 글", 15)).isEqualTo("짧은 글");
    }

    @Test
    void plainTextOfDeepInputDoesNotBlowTheStack() {
        assertThatCode(() -> PlainText.excerpt(">".repeat(90_000) + " 끝", 50)).doesNotThrowAnyException();
        assertThat(PlainText.excerpt(">".repeat(90_000) + " 끝", 50)).isEqualTo("끝");
    }

    @Test
    void htmlEscapeCoversTagsAttributesAndEntities() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&amp;</a>"))
                .isEqualTo("&lt;a href=&#34;x&#34; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }
}
