package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.madang.platform.pdf.PdfFont;
import org.madang.platform.pdf.TextPdf;

/** The public report as an A4 PDF with an embedded Korean font ({@link TextPdf}), so its text can be searched and copied. */
@ApplicationScoped
public class ReportPdf {

    static final int LINES_PER_PAGE = TextPdf.LINES_PER_PAGE;

    @Inject
    PdfFont font;

    public byte[] render(Reports.Report report) {
        return render(report, font.file());
    }

    public static byte[] render(Reports.Report report, Path fontFile) {
        return TextPdf.render(fontFile, lines -> {
            lines.add("의견 반영 결과 보고서 / Consultation report");
            lines.add(report.title());
            lines.add("의견 " + report.comments() + "건 · 결정 " + report.decisions());
            lines.blank();
            for (Reports.Section s : report.sections()) {
                if (s.comments().isEmpty()) continue;
                lines.add(s.label() == null ? "■ 전체 의견 / Whole draft" : "■ " + s.label() + " " + s.heading());
                for (Reports.AnsweredComment c : s.comments()) {
                    lines.add("#" + c.seq() + (c.quote() == null ? "" : " «" + c.quote() + "»") + " " + c.body());
                    if (c.proposedText() != null) lines.add("  제안 / proposed: " + c.proposedText());
                    lines.add("  → " + (c.decision() == null ? "미답변 / unanswered" : c.decision() + ": " + c.reason()));
                    lines.blank();
                }
            }
        });
    }

    static void wrap(List<String> lines, String text, PDType0Font font, float width) throws IOException {
        TextPdf.wrap(lines, text, font, width);
    }
}
