package org.madang.forum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.madang.forum.entity.Forum;
import org.madang.forum.entity.Post;
import org.madang.forum.entity.Reaction;
import org.madang.platform.auth.Role;
import org.madang.platform.auth.SignedInCaller;
import org.madang.platform.demo.DemoContent;
import org.madang.platform.demo.DemoData;
import org.madang.platform.moderation.control.Moderation;
import org.madang.platform.moderation.entity.Flag;

/** Demo forums: a topic forum and a ministry's forum, Korean and English threads, and a flagged post in the queue. */
@ApplicationScoped
public class ForumDemo implements DemoContent {

    @Inject
    Forums forums;

    @Inject
    Moderation moderation;

    @Override
    public void add(DemoData.DemoPeople people) {
        var admin = new SignedInCaller(people.admin().id(), people.admin().email(), people.admin().displayName(),
                List.of(Role.ADMIN.name()), Map.of(), List.of("pwd", "otp"), null, null, null);
        Forum topic = forums.createForum(new Forums.NewForum("디지털 교육 정책", "Digital education policy",
                "학교의 디지털 교육에 대한 의견을 나눕니다. Share your views on digital education in schools.", null, true, false), admin);
        var official = new SignedInCaller(people.official().id(), people.official().email(), people.official().displayName(),
                List.of(Role.OFFICIAL.name()), Map.of(Role.OFFICIAL.name(), List.of(people.ministry().id().toString())),
                List.of("pwd", "otp"), null, null, null);
        Forum ministry = forums.createForum(new Forums.NewForum(people.ministry().nameKo() + " 정책 토론방",
                people.ministry().nameEn() + " policy forum", "부처가 여는 토론방입니다. A forum hosted by the ministry.",
                people.ministry().id(), false, false), official);

        var citizen = people.citizen().id();
        var resident = people.resident().id();
        Post tablets = forums.createThread(topic.id(), "초등학교 태블릿 보급, 어떻게 생각하세요?",
                "교육부의 **디지털 교과서** 도입 계획에 대해 의견을 나눠 봅시다.\n\n- 장점: 맞춤형 학습\n- 걱정: 화면 사용 시간",
                Post.Stance.NEUTRAL, citizen);
        Post support = forums.reply(tablets.id(), "교육정책이 아이들의 디지털 역량을 키우는 방향이라 찬성합니다.", Post.Stance.FOR, resident);
        forums.reply(support.id(), "역량은 좋지만 시력 문제도 함께 다뤄야 합니다.", Post.Stance.AGAINST, citizen);
        forums.react(support.id(), Reaction.Kind.AGREE, citizen);

        Post english = forums.createThread(topic.id(), "Coding classes for every middle school?",
                "Should coding be a *required* subject? See the [ministry's plan](https://www.moe.go.kr/).", Post.Stance.FOR, resident);
        Post flagged = forums.reply(english.id(), "BUY CHEAP WATCHES at cheap-watches.example!!! Best prices!!!", Post.Stance.NEUTRAL, citizen);
        moderation.flag(ForumContent.KIND, flagged.id(), resident, Flag.Reason.SPAM, "Advertising, not a view on the topic.");

        forums.createThread(ministry.id(), "민원 서류 온라인 발급 확대 제안",
                "주민센터에 가지 않고 받을 수 있는 서류가 늘었으면 합니다.", null, resident);
    }
}
