package org.madang.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Korean font PDF tests embed: skipped where fonts-nanum is missing, a failure on CI. */
public final class PdfTestFont {

    private PdfTestFont() {
    }

    public static Path path() {
        Path font = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
        if (!Files.isReadable(font)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("fonts-nanum is not installed: " + font);
            assumeTrue(false, "fonts-nanum is not installed");
        }
        return font;
    }
}
