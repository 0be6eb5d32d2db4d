package org.madang.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.madang.testing.Api.Session;

/** Makes polls through the API for the poll tests. */
final class PollDriver {

    private PollDriver() {
    }

    static String form(String kind, String visibility, boolean allowChange, Instant closesAt, UUID organisation) {
        String options = kind.equals("RATING")
                ? "[{\"ko\":\"전혀 아니다\",\"en\":\"Not at all\"},{\"ko\":\"매우 그렇다\",\"en\":\"Very much\"}]"
                : "[{\"ko\":\"공원\",\"en\":\"Park\"},{\"ko\":\"도서관\",\"en\":\"Library\"},{\"ko\":\"주차장\",\"en\":\"Car park\"}]";
        return "{\"kind\":\"" + kind + "\",\"questionKo\":\"무엇을 지을까요?\",\"questionEn\":\"What should we build?\",\"options\":"
                + options + ",\"minChoices\":" + (kind.equals("RATING") ? 1 : 1) + ",\"maxChoices\":" + (kind.equals("RATING") ? 5 : 2)
                + ",\"audience\":\"SIGNED_IN\",\"opensAt\":\"" + Instant.now().minusSeconds(60) + "\",\"closesAt\":\"" + closesAt
                + "\",\"allowChange\":" + allowChange + ",\"visibility\":\"" + visibility + "\",\"k\":5"
                + (organisation == null ? "" : ",\"organisationId\":\"" + organisation + "\"") + "}";
    }

    static String create(Session by, String form) {
        var reply = by.post("/api/polls", form);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return "/api/polls/" + reply.json().getString("id");
    }

    static String answer(int... choices) {
        var list = new StringBuilder();
        for (int c : choices) list.append(list.isEmpty() ? "" : ",").append(c);
        return "{\"choices\":[" + list + "]}";
    }
}
