package org.madang.poll.control;

import java.util.List;

import org.madang.poll.entity.Poll;

/** Aggregate results as an accessible SVG bar chart, CSV, and a small embeddable HTML document. */
public final class ResultCharts {

    private ResultCharts() {
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String question(Poll poll, boolean korean) {
        return korean ? poll.questionKo() : poll.questionEn();
    }

    public static String svg(Poll poll, PollResults.Results results, boolean korean) {
        List<PollResults.Count> counts = results.counts();
        int max = Math.max(1, counts.stream().mapToInt(PollResults.Count::count).max().orElse(1));
        int rowHeight = 28, width = 640, labelWidth = 220, barWidth = 340, height = 40 + rowHeight * counts.size();
        var svg = new StringBuilder();
        String title = escape(question(poll, korean));
        var desc = new StringBuilder(korean ? "응답자 " + results.respondents() + "명. " : results.respondents() + " respondents. ");
        for (var c : counts) desc.append(korean ? c.ko() : c.en()).append(": ").append(c.count()).append(". ");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"poll-title poll-desc\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\"><title id=\"poll-title\">").append(title).append("</title><desc id=\"poll-desc\">")
                .append(escape(desc.toString().strip())).append("</desc>");
        for (int i = 0; i < counts.size(); i++) {
            var c = counts.get(i);
            int y = 20 + i * rowHeight;
            int w = (int) Math.round((double) barWidth * c.count() / max);
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"14\" fill=\"#1d1d1d\">")
                    .append(escape(korean ? c.ko() : c.en())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(w)
                    .append("\" height=\"20\" fill=\"#256ef4\"/>")
                    .append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"14\" fill=\"#1d1d1d\">").append(c.count()).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** One line per answer column, then the instant-runoff rounds when ranked. Cells that could start a formula are quoted. */
    public static String csv(Poll poll, PollResults.Results results) {
        var csv = new StringBuilder("key,label_ko,label_en,count\r\n");
        for (var c : results.counts()) {
            csv.append(cell(c.key())).append(',').append(cell(c.ko())).append(',').append(cell(c.en())).append(',')
                    .append(c.count()).append("\r\n");
        }
        csv.append("respondents,,,").append(results.respondents()).append("\r\n");
        for (var round : results.rounds()) {
            csv.append("round ").append(round.number()).append(",,,");
            csv.append(String.join(" ", round.votes().stream().map(String::valueOf).toList()))
                    .append(" exhausted=").append(round.exhausted())
                    .append(round.eliminated() != null ? " eliminated=" + round.eliminated() : "")
                    .append(round.winner() != null ? " winner=" + round.winner() : "").append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** A standalone page for an iframe: the chart's table, no script, styles inline-free. */
    public static String widget(Poll poll, PollResults.Results results, boolean korean) {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(korean ? "ko" : "en")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(question(poll, korean)))
                .append("</title></head><body><main><table><caption>").append(escape(question(poll, korean)))
                .append("</caption><thead><tr><th scope=\"col\">").append(korean ? "응답" : "Answer")
                .append("</th><th scope=\"col\">").append(korean ? "수" : "Count").append("</th></tr></thead><tbody>");
        for (var c : results.counts()) {
            html.append("<tr><th scope=\"row\">").append(escape(korean ? c.ko() : c.en())).append("</th><td>")
                    .append(c.count()).append("</td></tr>");
        }
        html.append("</tbody></table><p>").append(korean ? "응답자 " : "Respondents: ").append(results.respondents())
                .append(korean ? "명" : "").append("</p></main></body></html>");
        return html.toString();
    }

}
