package org.madang.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import org.madang.platform.pdf.PdfFont;
import org.madang.platform.pdf.TextPdf;

/**
 * The export as a readable PDF: every section and value of the JSON export, as indented "name: value" lines, in the
 * platform's text PDF with the embedded Korean font.
 */
@ApplicationScoped
public class ExportPdf {

    private static final String INDENT = "    ";

    @Inject
    PdfFont font;

    public byte[] render(JsonObject export, boolean korean) {
        return render(export, korean, font.file());
    }

    public static byte[] render(JsonObject export, boolean korean, Path fontFile) {
        return TextPdf.render(fontFile, lines -> {
            lines.add(korean ? "마당이 보관한 내 정보" : "What Madang holds about me");
            lines.add((korean ? "작성 일시: " : "Generated at: ") + export.getString("generatedAt", ""));
            var sections = export.getJsonObject("sections");
            if (sections == null) return;
            for (var name : sections.keySet()) {
                lines.blank();
                lines.add("■ " + name);
                value(lines, sections.get(name), INDENT);
            }
        });
    }

    private static void value(TextPdf.Lines lines, JsonValue value, String indent) {
        switch (value.getValueType()) {
            case OBJECT -> {
                var object = (JsonObject) value;
                for (var key : object.keySet()) {
                    var item = object.get(key);
                    if (isScalar(item)) lines.add(indent + key + ": " + scalar(item));
                    else {
                        lines.add(indent + key + ":");
                        value(lines, item, indent + INDENT);
                    }
                }
            }
            case ARRAY -> {
                var array = (JsonArray) value;
                if (array.isEmpty()) lines.add(indent + "—");
                for (int i = 0; i < array.size(); i++) {
                    var item = array.get(i);
                    if (isScalar(item)) lines.add(indent + (i + 1) + ". " + scalar(item));
                    else {
                        lines.add(indent + (i + 1) + ".");
                        value(lines, item, indent + INDENT);
                    }
                }
            }
            default -> lines.add(indent + scalar(value));
        }
    }

    private static boolean isScalar(JsonValue value) {
        return value.getValueType() != JsonValue.ValueType.OBJECT && value.getValueType() != JsonValue.ValueType.ARRAY;
    }

    private static String scalar(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
