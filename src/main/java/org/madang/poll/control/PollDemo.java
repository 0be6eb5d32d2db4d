package org.madang.poll.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.madang.platform.account.control.PasswordHasher;
import org.madang.platform.account.entity.Account;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;
import org.madang.poll.entity.Poll;
import org.madang.poll.entity.PollResponse;

/**
 * Demo polls of every kind, answered by 60 demo respondents who cannot sign in (their password is unusable) and
 * who shared district, age band and gender: enough for breakdowns that show published and suppressed cells.
 */
@ApplicationScoped
public class PollDemo implements DemoContent {

    private static final String[] DISTRICTS = {"seoul-jongno", "seoul-jongno", "seoul-jung", "seoul-jung", "seoul-yongsan"};
    private static final String[] AGES = {"20-29", "30-39", "30-39", "40-49", "70+"};
    private static final String[] GENDERS = {"FEMALE", "MALE", "FEMALE", "MALE", "OTHER"};

    @Inject
    Polls polls;

    @PersistenceContext(unitName = "madang")
    EntityManager em;

    @Override
    @Transactional
    public void add(DemoData.DemoPeople people) {
        Instant now = Instant.now();
        Random random = new Random(8);
        List<UUID> respondents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var account = new Account("poll-respondent-" + i + "@madang.example", PasswordHasher.UNUSABLE, "응답자 " + i, "ko", now);
            em.persist(account);
            respondents.add(account.id());
        }
        UUID moderator = people.moderator().id();
        UUID official = people.official().id();
        UUID ministry = people.ministry().id();
        var three = List.of(new Polls.Option("공원", "Park"), new Polls.Option("도서관", "Library"), new Polls.Option("주차장", "Car park"));
        Poll single = polls.create(settings(ministry, Poll.Kind.SINGLE, "빈 땅에 무엇을 지을까요?", "What should the empty lot become?",
                three, 1, 1, now, Poll.Visibility.LIVE), false, official);
        Poll multiple = polls.create(settings(null, Poll.Kind.MULTIPLE, "주말에 열었으면 하는 시설은? (1~2개)",
                "Which facilities should open at weekends? (1 or 2)", three, 1, 2, now, Poll.Visibility.AFTER_VOTING), false, moderator);
        Poll rating = polls.create(settings(ministry, Poll.Kind.RATING, "민원 처리에 얼마나 만족하십니까?",
                "How satisfied are you with how requests are handled?",
                List.of(new Polls.Option("매우 불만족", "Very unsatisfied"), new Polls.Option("매우 만족", "Very satisfied")), 1, 5, now,
                Poll.Visibility.LIVE), false, official);
        Poll ranked = polls.create(settings(null, Poll.Kind.RANKED, "축제 주제를 순서대로 골라 주세요", "Rank the festival themes",
                List.of(new Polls.Option("음악", "Music"), new Polls.Option("음식", "Food"), new Polls.Option("역사", "History"),
                        new Polls.Option("과학", "Science")), 1, 4, now, Poll.Visibility.AFTER_CLOSE), false, moderator);
        polls.create(settings(null, Poll.Kind.SINGLE, "놀이터에 그늘막을 설치할까요? (시민 제안)", "Shade sails for the playground? (citizen proposal)",
                List.of(new Polls.Option("예", "Yes"), new Polls.Option("아니오", "No")), 1, 1, now, Poll.Visibility.LIVE), true, people.citizen().id());
        for (int i = 0; i < respondents.size(); i++) {
            var attributes = new PollResponse.Attributes(DISTRICTS[i % 5], AGES[(i / 5) % 5], GENDERS[(i / 2) % 5]);
            UUID who = respondents.get(i);
            em.persist(new PollResponse(single.id(), who, Integer.toString(i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2), attributes, now));
            em.persist(new PollResponse(multiple.id(), who, i % 3 == 0 ? "0,1" : Integer.toString(i % 3), attributes, now));
            em.persist(new PollResponse(rating.id(), who, Integer.toString(1 + Math.min(4, random.nextInt(3) + i % 3)), attributes, now));
            em.persist(new PollResponse(ranked.id(), who, i % 4 == 0 ? "2" : i % 4 == 1 ? "0,1,2" : i % 4 == 2 ? "1,0" : "3,1,0", attributes, now));
        }
        // the ranked poll is already closed, so its instant-runoff rounds are shown
        ranked.closeAt(now.minus(Duration.ofMinutes(1)));
    }

    private static Poll.Settings settings(UUID organisation, Poll.Kind kind, String ko, String en, List<Polls.Option> options,
                                          int min, int max, Instant now, Poll.Visibility visibility) {
        return new Poll.Settings(organisation, kind, ko, en, Polls.optionsJson(options), min, max, Poll.Audience.SIGNED_IN, List.of(),
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(14)), true, visibility, 10);
    }
}
