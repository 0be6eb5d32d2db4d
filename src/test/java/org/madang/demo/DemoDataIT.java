package org.madang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madang.testing.Api.Session;
import org.madang.testing.MadangServer;

/**
 * README's start command: the bundle boots with madang.demo=true on an empty H2 database and every feature shows its
 * demo content to a signed-out visitor. It has its own failsafe execution (it-demo), since the demo rows would
 * disturb the other tests' counts.
 */
class DemoDataIT {

    private static String read(String path) {
        var reply = Session.anonymous().get(path);
        assertThat(reply.status()).as(path + ": " + reply).isEqualTo(200);
        return reply.body();
    }

    @Test
    void everyFeatureShowsItsDemoContent() {
        assertThat(MadangServer.get().demo()).as("this execution starts the server with its demo data").isTrue();
        assertThat(read("/")).contains("<html");
        assertThat(read("/api/forums")).contains("디지털 교육 정책");
        assertThat(read("/api/polls")).contains("빈 땅에 무엇을 지을까요?");
        assertThat(read("/api/consultations")).contains("정보공개법 일부개정법률안 입법예고");
        assertThat(read("/api/elections")).contains("종로구 주민투표 (시연)", "2025 주민참여예산 투표 (시연, 공개됨)");
        assertThat(read("/api/publications")).contains("2026년 기록물 공개 재분류 결정");
        assertThat(read("/api/disclosure/requests")).contains("기록관리 민간위탁 계약서", "AWAITING_CLARIFICATION",
                "THIRD_PARTY_OBJECTION", "DISCLOSURE_WAIT", "DEEMED_REFUSED");
        assertThat(read("/api/disclosure/statistics")).contains("agency");
    }
}
