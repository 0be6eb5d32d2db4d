package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** The public report as an A4 PDF with an embedded Korean TrueType font (subset), so its text can be searched and copied. */
@ApplicationScoped
public class ReportPdf {

    private static final float MARGIN = 50, SIZE = 10, LEADING = 14;
    private static final float SPACE_GAP = 1.5f;
    static final int LINES_PER_PAGE = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);

    @Inject
    @ConfigProperty(name = "madang.pdf.font", defaultValue = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
    String fontPath;

    public byte[] render(Reports.Report report) {
        Path font = Path.of(fontPath);
        if (!Files.isReadable(font)) throw new ProblemException(ProblemType.UNAVAILABLE, "consultation.pdfFontMissing", fontPath);
        return render(report, font);
    }

    public static byte[] render(Reports.Report report, Path fontFile) {
        try (PDDocument pdf = new PDDocument()) {
            PDType0Font font = PDType0Font.load(pdf, fontFile.toFile());
            List<String> lines = new ArrayList<>();
            lines.add("의견 반영 결과 보고서 / Consultation report");
            lines.add(report.title());
            lines.add("의견 " + report.comments() + "건 · 결정 " + report.decisions());
            lines.add("");
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (Reports.Section s : report.sections()) {
                if (s.comments().isEmpty()) continue;
                lines.add(s.label() == null ? "■ 전체 의견 / Whole draft" : "■ " + s.label() + " " + s.heading());
                for (Reports.AnsweredComment c : s.comments()) {
                    wrap(lines, "#" + c.seq() + (c.quote() == null ? "" : " «" + c.quote() + "»") + " " + c.body(), font, width);
                    if (c.proposedText() != null) wrap(lines, "  제안 / proposed: " + c.proposedText(), font, width);
                    wrap(lines, "  → " + (c.decision() == null ? "미답변 / unanswered" : c.decision() + ": " + c.reason()), font, width);
                    lines.add("");
                }
            }
            for (int start = 0; start < lines.size(); start += LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(font, SIZE);
                    text.setLeading(LEADING);
                    text.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + LINES_PER_PAGE))) {
                        text.showTextWithPositioning(spaced(line, font));
                        text.newLine();
                    }
                    text.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line as words with gaps between them instead of space glyphs: NanumGothic's space maps to U+0000 in the
     * embedded subset, so copied text would have NULs; a gap of 1.5 spaces is what text extraction reads as a space.
     */
    static Object[] spaced(String line, PDType0Font font) throws IOException {
        float gap = -SPACE_GAP * font.getStringWidth(" ");
        List<Object> parts = new ArrayList<>();
        String[] words = line.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) parts.add(gap);
            if (!words[i].isEmpty()) parts.add(words[i]);
        }
        return parts.toArray();
    }

    /** Breaks text into lines that fit the width; characters the font cannot show become "?". */
    static void wrap(List<String> lines, String text, PDType0Font font, float width) throws IOException {
        String clean = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            float w;
            try {
                w = font.getStringWidth(ch) / 1000 * SIZE * (cp == ' ' ? SPACE_GAP : 1);
            } catch (IllegalArgumentException noGlyph) {
                ch = "?";
                w = font.getStringWidth(ch) / 1000 * SIZE;
            }
            if (used + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
        }
        lines.add(line.toString());
    }
}
