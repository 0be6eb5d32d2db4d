package org.madang.consultation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.madang.consultation.entity.Answer;
import org.madang.consultation.entity.Article;
import org.madang.consultation.entity.Consultation;
import org.madang.consultation.entity.Consultation.Kind;
import org.madang.consultation.entity.Consultation.State;
import org.madang.platform.account.entity.Account;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;

/**
 * The demo's consultations: an open draft law with comments and a statement conversation whose votes come from 90
 * generated participants in three planted opinion groups (imported like a Pol.is conversation, so they are not
 * accounts), and a responded one whose report can be read and downloaded.
 */
@ApplicationScoped
public class ConsultationDemo implements DemoContent {

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Inject
    Consultations consultations;

    @Inject
    Comments comments;

    @Inject
    Statements statements;

    @Inject
    PolisExchange polis;

    static final List<String> STATEMENTS = List.of(
            "처리 기간을 7일로 줄여야 한다", "기관의 업무 부담이 너무 커진다", "온라인 청구는 즉시 공개가 원칙이어야 한다",
            "비공개 결정에는 구체적 사유를 적어야 한다", "연장 사유를 공개하면 충분하다", "현행 10일도 잘 지켜지지 않는다",
            "인력 충원 없이 기간만 줄이면 안 된다", "자주 청구되는 정보는 사전 공개해야 한다", "청구인의 신원은 보호되어야 한다",
            "정보공개 심의회에 시민 위원을 늘려야 한다", "수수료를 없애야 한다", "공개 결정은 문자로도 알려야 한다");

    @Override
    @Transactional
    public void add(DemoData.DemoPeople people) {
        UUID ministry = people.ministry().id();
        SignedInCaller official = caller(people.official(), ministry);
        SignedInCaller approver = official; // the demo official is also the ministry's organisation administrator
        Instant now = consultations.now();

        Consultation open = consultations.create(ministry, new Consultation.Settings(Kind.LAW, "정보공개법 일부개정법률안 입법예고",
                "정보공개 청구의 처리 기간을 **10일에서 7일로** 줄이고, 비공개 결정의 사유를 구체적으로 적게 합니다.\n\n"
                        + "Shortens the time to answer a disclosure request from 10 to 7 days.",
                "처리 기간 7일이 적절합니까?\n기관의 부담을 줄일 방안은 무엇입니까?", now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(41))),
                articles(), official);
        consultations.transition(open.id(), State.OPEN, open.version(), null, approver);
        List<Article> openArticles = consultations.articles(open.id());
        comments.add(open.id(), new Comments.Draft(null, null, null, null, "전체적으로 찬성합니다. 알 권리가 넓어집니다.", null), people.citizen().id());
        String body = openArticles.get(0).body();
        int start = body.indexOf("10일");
        comments.add(open.id(), new Comments.Draft(openArticles.get(0).id(), start, start + 3, "10일", "7일은 소규모 기관에 너무 짧습니다.", null),
                people.resident().id());
        comments.add(open.id(), new Comments.Draft(openArticles.get(1).id(), null, null, null, "연장은 한 번, 5일까지만 허용해 주세요.",
                openArticles.get(1).body().replace("10일", "5일")), people.citizen().id());
        polis.importConversation(open.id(), plantedComments(), plantedVotes(), null, official);

        Consultation done = consultations.create(ministry, new Consultation.Settings(Kind.ADMINISTRATIVE_RULE, "공공데이터 개방 지침 개정안 행정예고",
                "공공데이터 개방 목록을 매 분기 갱신하도록 합니다.", "분기 갱신이 적절합니까?", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(21))),
                List.of(new Consultations.ArticleText("제3조", "개방 목록", "기관은 개방 목록을 매년 갱신한다."),
                        new Consultations.ArticleText("제4조", "품질 관리", "기관은 개방 데이터의 오류를 30일 이내에 고친다.")), official);
        consultations.transition(done.id(), State.OPEN, done.version(), null, approver);
        List<Article> doneArticles = consultations.articles(done.id());
        var c1 = comments.add(done.id(), new Comments.Draft(doneArticles.get(0).id(), null, null, null, "분기마다 갱신해 주세요.",
                "기관은 개방 목록을 매 분기 갱신한다."), people.citizen().id());
        var c2 = comments.add(done.id(), new Comments.Draft(doneArticles.get(1).id(), null, null, null, "30일은 너무 깁니다.", null),
                people.resident().id());
        var c3 = comments.add(done.id(), new Comments.Draft(null, null, null, null, "데이터 형식을 CSV로 통일해 주세요.", null),
                people.resident().id());
        // the demo's past: its closing time is moved back so the office can answer it now
        em.flush();
        em.createQuery("UPDATE Consultation c SET c.closesAt = :t WHERE c.id = :id").setParameter("t", now.minusSeconds(60))
                .setParameter("id", done.id()).executeUpdate();
        em.clear();
        consultations.closeDue();
        comments.answer(done.id(), List.of(c1.id()), Answer.Decision.ADOPTED, "제안대로 분기마다 갱신하도록 고쳤습니다.", official);
        comments.answer(done.id(), List.of(c2.id()), Answer.Decision.PARTLY_ADOPTED, "오류 수정 기한을 14일로 줄였습니다.", official);
        comments.answer(done.id(), List.of(c3.id()), Answer.Decision.OUT_OF_SCOPE, "데이터 형식은 별도 표준에서 정합니다.", official);
        consultations.transition(done.id(), State.RESPONDED, consultations.byId(done.id()).version(), null, official);
    }

    private static SignedInCaller caller(Account account, UUID ministry) {
        return new SignedInCaller(account.id(), account.email(), account.displayName(), List.of(Role.OFFICIAL.name(), Role.ORG_ADMIN.name()),
                Map.of(Role.OFFICIAL.name(), List.of(ministry.toString()), Role.ORG_ADMIN.name(), List.of(ministry.toString())),
                List.of("pwd", "otp"), null, null, null);
    }

    private static List<Consultations.ArticleText> articles() {
        return List.of(
                new Consultations.ArticleText("제11조", "정보공개 여부의 결정", "공공기관은 정보공개 청구를 받으면 그 청구를 받은 날부터 10일 이내에 공개 여부를 결정하여야 한다."),
                new Consultations.ArticleText("제11조의2", "결정 기간의 연장", "부득이한 사유로 기간 내에 결정할 수 없을 때에는 그 기간이 끝난 날부터 10일의 범위에서 한 번 연장할 수 있다."),
                new Consultations.ArticleText("제13조", "비공개 결정의 통지", "비공개 결정을 한 때에는 비공개 이유와 불복 방법을 구체적으로 밝혀 청구인에게 알려야 한다."));
    }

    private static String plantedComments() {
        var out = new StringBuilder("comment-id,comment-body,moderated\n");
        for (int j = 0; j < STATEMENTS.size(); j++) out.append(j).append(",\"").append(STATEMENTS.get(j)).append("\",1\n");
        return out.toString();
    }

    /** Three groups: 0-3 the first group's, 4-7 the second's, 8-11 everyone's (consensus) with noise. */
    private static String plantedVotes() {
        Random random = new Random(2026);
        var out = new StringBuilder("voter-id,comment-id,vote\n");
        int[] sizes = {40, 30, 20};
        int participant = 0;
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++, participant++) {
                for (int j = 0; j < STATEMENTS.size(); j++) {
                    if (random.nextDouble() > 0.8) continue;
                    double agree = j >= 8 ? 0.85 : (j / 4 == g ? 0.85 : g == 2 ? 0.4 : 0.07);
                    double disagree = j >= 8 ? 0.05 : (j / 4 == g ? 0.05 : g == 2 ? 0.4 : 0.85);
                    double r = random.nextDouble();
                    out.append("demo").append(participant).append(',').append(j).append(',')
                            .append(r < agree ? 1 : r < agree + disagree ? -1 : 0).append('\n');
                }
            }
        }
        return out.toString();
    }
}
