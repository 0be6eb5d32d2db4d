package org.madang.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madang.consultation.entity.Answer;

class ReportPdfTest {

    static Path font() {
        Path font = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
        if (!Files.isReadable(font)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("fonts-nanum is not installed: " + font);
            assumeTrue(false, "fonts-nanum is not installed");
        }
        return font;
    }

    private static Reports.Report report(int answers) {
        List<Reports.AnsweredComment> comments = new ArrayList<>();
        for (int i = 1; i <= answers; i++) {
            comments.add(new Reports.AnsweredComment(UUID.randomUUID(), i, "제9조", null, "의견 " + i + ": 처리 기간을 줄여 주세요.",
                    null, "PARTLY_ADOPTED", "답변 " + i + ": 업무량을 고려하여 14일로 조정합니다.", UUID.randomUUID(), Instant.EPOCH));
        }
        var section = new Reports.Section(UUID.randomUUID(), "제9조", "공개 여부의 결정", comments, Map.of());
        return new Reports.Report(UUID.randomUUID(), "정보공개법 일부개정법률안", UUID.randomUUID().toString(), "RESPONDED", answers, 0,
                Map.of(Answer.Decision.PARTLY_ADOPTED, (long) answers), List.of(section));
    }

    @Test
    void pagesGrowWithTheAnswersAndTheKoreanTextCanBeExtracted() throws IOException {
        Path font = font();
        try (var one = Loader.loadPDF(ReportPdf.render(report(1), font))) {
            assertThat(one.getNumberOfPages()).isEqualTo(1);
        }
        // four heading lines, the article's line, then three lines per answer (comment, decision, blank)
        int answers = 60;
        try (var pdf = Loader.loadPDF(ReportPdf.render(report(answers), font))) {
            int lines = 4 + 1 + answers * 3;
            assertThat(pdf.getNumberOfPages()).isEqualTo((lines + ReportPdf.LINES_PER_PAGE - 1) / ReportPdf.LINES_PER_PAGE)
                    .isGreaterThan(3);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("정보공개법 일부개정법률안").contains("답변 60: 업무량을 고려하여 14일로 조정합니다.")
                    .contains("의견 1: 처리 기간을 줄여 주세요.").doesNotContain("\u0000");
        }
    }

    @Test
    void longTextIsWrappedWithinThePage() throws IOException {
        var lines = new ArrayList<String>();
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            var f = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, font().toFile());
            ReportPdf.wrap(lines, "가나다라 ".repeat(200), f, 400);
            assertThat(lines.size()).isGreaterThan(5);
            for (String line : lines) assertThat(f.getStringWidth(line) / 1000 * 10).isLessThanOrEqualTo(400);
        }
    }
}
