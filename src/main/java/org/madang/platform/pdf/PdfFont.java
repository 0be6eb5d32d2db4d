package org.madang.platform.pdf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/** The TrueType font PDFs embed ({@code madang.pdf.font}, Debian's fonts-nanum by default); without it PDFs answer 503. */
@ApplicationScoped
public class PdfFont {

    @Inject
    @ConfigProperty(name = "madang.pdf.font", defaultValue = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
    String fontPath;

    public Path file() {
        Path font = Path.of(fontPath);
        if (!Files.isReadable(font)) throw new ProblemException(ProblemType.UNAVAILABLE, "pdf.fontMissing", fontPath);
        return font;
    }
}
