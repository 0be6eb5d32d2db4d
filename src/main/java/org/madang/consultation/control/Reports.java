package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madang.consultation.entity.Answer;
import org.madang.consultation.entity.Article;
import org.madang.consultation.entity.Comment;
import org.madang.consultation.entity.Consultation;

/** "You said, we did": per article, what was said, what the office decided and why, with counts. */
@ApplicationScoped
public class Reports {

    @Inject
    Consultations consultations;

    @Inject
    Comments comments;

    public record AnsweredComment(UUID id, long seq, String articleLabel, String quote, String body, String proposedText,
                                  String decision, String reason, UUID answerId, java.time.Instant createdAt) {
    }

    public record Section(UUID articleId, String label, String heading, List<AnsweredComment> comments,
                          Map<Answer.Decision, Long> decisions) {
    }

    public record Report(UUID consultationId, String title, String organisationId, String state, int comments,
                         long unanswered, Map<Answer.Decision, Long> decisions, List<Section> sections) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Report of(Consultation c) {
        List<Article> articles = consultations.articles(c.id());
        Map<UUID, Answer> answers = comments.answers(c.id());
        Map<UUID, List<AnsweredComment>> byArticle = new LinkedHashMap<>();
        byArticle.put(null, new ArrayList<>());
        Map<UUID, String> labels = new LinkedHashMap<>();
        for (Article a : articles) {
            byArticle.put(a.id(), new ArrayList<>());
            labels.put(a.id(), a.label());
        }
        List<Comment> all = comments.all(c.id());
        long unanswered = 0;
        for (Comment comment : all) {
            Answer answer = comment.answerId() == null ? null : answers.get(comment.answerId());
            if (answer == null) unanswered++;
            byArticle.get(comment.articleId()).add(new AnsweredComment(comment.id(), comment.seq(), labels.get(comment.articleId()),
                    comment.quote(), comment.body(), comment.proposedText(), answer == null ? null : answer.decision().name(),
                    answer == null ? null : answer.reason(), comment.answerId(), comment.createdAt()));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, null, null, byArticle.get(null), decisions(byArticle.get(null))));
        for (Article a : articles) sections.add(new Section(a.id(), a.label(), a.heading(), byArticle.get(a.id()), decisions(byArticle.get(a.id()))));
        List<AnsweredComment> flat = sections.stream().flatMap(s -> s.comments().stream()).toList();
        return new Report(c.id(), c.title(), c.organisationId().toString(), c.state().name(), all.size(), unanswered,
                decisions(flat), sections);
    }

    private static Map<Answer.Decision, Long> decisions(List<AnsweredComment> comments) {
        Map<Answer.Decision, Long> counts = new EnumMap<>(Answer.Decision.class);
        for (Answer.Decision d : Answer.Decision.values()) counts.put(d, 0L);
        comments.forEach(c -> {
            if (c.decision() != null) counts.merge(Answer.Decision.valueOf(c.decision()), 1L, Long::sum);
        });
        return counts;
    }

    /** Every comment with its answer, one row each, RFC 4180 with a header; formulas defused for spreadsheets. */
    public static String csv(Report report) {
        var out = new StringBuilder("seq,article,quote,comment,proposed_text,decision,reason,created_at\r\n");
        for (Section s : report.sections()) {
            for (AnsweredComment c : s.comments()) {
                out.append(c.seq()).append(',').append(cell(c.articleLabel())).append(',').append(cell(c.quote())).append(',')
                        .append(cell(c.body())).append(',').append(cell(c.proposedText())).append(',').append(cell(c.decision()))
                        .append(',').append(cell(c.reason())).append(',').append(c.createdAt()).append("\r\n");
            }
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
