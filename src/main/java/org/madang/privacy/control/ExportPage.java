package org.madang.privacy.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** The export as a plain, self-contained HTML page: every section and value, escaped, nothing fetched. */
public final class ExportPage {

    private ExportPage() {
    }

    public static String render(JsonObject export, boolean korean) {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(korean ? "ko" : "en").append("\"><head><meta charset=\"utf-8\"><title>")
                .append(korean ? "마당 — 내 정보" : "Madang — my data").append("</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                        + "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head><body><main><h1>")
                .append(korean ? "마당이 보관한 내 정보" : "What Madang holds about me").append("</h1><p>")
                .append(korean ? "작성 일시: " : "Generated at: ").append(escape(export.getString("generatedAt", ""))).append("</p>");
        var sections = export.getJsonObject("sections");
        for (var name : sections.keySet()) {
            html.append("<section><h2>").append(escape(name)).append("</h2>");
            value(html, sections.get(name));
            html.append("</section>");
        }
        return html.append("</main></body></html>").toString();
    }

    private static void value(StringBuilder html, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                var object = (JsonObject) value;
                html.append("<table><tbody>");
                for (var key : object.keySet()) {
                    html.append("<tr><th scope=\"row\">").append(escape(key)).append("</th><td>");
                    value(html, object.get(key));
                    html.append("</td></tr>");
                }
                html.append("</tbody></table>");
            }
            case ARRAY -> {
                var array = (JsonArray) value;
                if (array.isEmpty()) { html.append("—"); return; }
                html.append("<ol>");
                for (var item : array) {
                    html.append("<li>");
                    value(html, item);
                    html.append("</li>");
                }
                html.append("</ol>");
            }
            case STRING -> html.append(escape(((JsonString) value).getString()));
            default -> html.append(escape(value.toString()));
        }
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
