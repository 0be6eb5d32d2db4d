package org.madang.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madang.testing.PdfTestFont;

class ExportPdfTest {

    @Test
    void everySectionAndValueReadsBackAsTextAndALongExportTurnsThePage() throws IOException {
        var consents = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("purpose", "POLL_DEMOGRAPHICS").add("granted", true).add("textVersion", 1))
                .add(Json.createObjectBuilder().add("purpose", "POLL_DEMOGRAPHICS").add("granted", false).add("textVersion", 1));
        var posts = Json.createArrayBuilder();
        for (int i = 1; i <= 80; i++) posts.add("토론 글 " + i + ": 마을 도서관 운영 시간을 늘려 주세요.");
        var export = Json.createObjectBuilder().add("generatedAt", "2026-11-29T01:00:00Z")
                .add("sections", Json.createObjectBuilder()
                        .add("account", Json.createObjectBuilder().add("email", "kim.minji@example.kr").add("displayName", "김민지")
                                .add("roles", Json.createArrayBuilder()))
                        .add("privacy", Json.createObjectBuilder().add("consents", consents))
                        .add("forum", Json.createObjectBuilder().add("posts", posts)))
                .build();
        try (var pdf = Loader.loadPDF(ExportPdf.render(export, true, PdfTestFont.path()))) {
            assertThat(pdf.getNumberOfPages()).as("80 posts do not fit one page").isGreaterThan(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("마당이 보관한 내 정보", "■ account", "email: kim.minji@example.kr", "displayName: 김민지",
                    "roles:", "—", "■ privacy", "purpose: POLL_DEMOGRAPHICS", "granted: true", "granted: false",
                    "80. 토론 글 80: 마을 도서관 운영 시간을 늘려 주세요.");
        }
        try (var pdf = Loader.loadPDF(ExportPdf.render(export, false, PdfTestFont.path()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("What Madang holds about me", "Generated at: 2026-11-29T01:00:00Z");
        }
    }
}
