package org.madang.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A plain-text A4 PDF with an embedded Korean TrueType font (subset), so that its Korean and English text can be
 * searched and copied: the consultation report and the citizen's data export are written with it. The font file
 * comes from {@link PdfFont}.
 */
public final class TextPdf {

    public static final float MARGIN = 50, SIZE = 10, LEADING = 14;
    private static final float SPACE_GAP = 1.5f;
    public static final int LINES_PER_PAGE = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN) / LEADING);
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private TextPdf() {
    }

    /** What a document says, line by line; long text is wrapped to the page width. */
    public static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private final PDType0Font font;

        Lines(PDType0Font font) {
            this.font = font;
        }

        /** Adds text as one or more lines that fit the page. */
        public Lines add(String text) {
            try {
                wrap(lines, text == null ? "" : text, font, WIDTH);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Lines blank() {
            lines.add("");
            return this;
        }
    }

    /** Writes the lines the content adds, on as many A4 pages as they need. */
    public static byte[] render(Path fontFile, java.util.function.Consumer<Lines> content) {
        try (PDDocument pdf = new PDDocument()) {
            PDType0Font font = PDType0Font.load(pdf, fontFile.toFile());
            var lines = new Lines(font);
            content.accept(lines);
            List<String> all = lines.lines;
            for (int start = 0; start < all.size() || start == 0; start += LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(font, SIZE);
                    text.setLeading(LEADING);
                    text.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String line : all.subList(start, Math.min(all.size(), start + LINES_PER_PAGE))) {
                        text.showTextWithPositioning(spaced(line, font));
                        text.newLine();
                    }
                    text.endText();
                }
                if (all.isEmpty()) break;
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
    public static void wrap(List<String> lines, String text, PDType0Font font, float width) throws IOException {
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
