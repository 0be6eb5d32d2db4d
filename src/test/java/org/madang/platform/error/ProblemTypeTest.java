package org.madang.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void slugsAndUrisAreUniqueAndStable() {
        var slugs = new HashSet<String>();
        for (var type : ProblemType.values()) {
            assertThat(slugs.add(type.slug())).as("slug used twice: " + type.slug()).isTrue();
            assertThat(type.slug()).matches("[a-z]+(-[a-z]+)*");
            assertThat(type.uri().toString()).isEqualTo("https://madang.example/problems/" + type.slug());
        }
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct()).hasSize(ProblemType.values().length);
    }

    @Test
    void everyTypeHasAnErrorStatusAndTitlesInBothLanguages() {
        for (var type : ProblemType.values()) {
            assertThat(type.status()).as(type.name()).isBetween(400, 599);
            assertThat(type.title(true)).as(type.name()).isNotBlank().isNotEqualTo(type.title(false));
            assertThat(type.title(true)).as("Korean title of " + type).containsPattern("[가-힣]");
            assertThat(type.title(false)).as("English title of " + type).matches("[\\x20-\\x7E]+");
        }
    }

    @Test
    void statusesMapBackToATypeWithThatStatus() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 423, 429, 500, 503}) {
            assertThat(ProblemType.forStatus(status).status()).isEqualTo(status);
        }
        assertThat(ProblemType.forStatus(418).status()).isEqualTo(400);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
    }
}
