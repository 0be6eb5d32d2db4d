package org.madang.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void choosesKoreanOrEnglishFromAcceptLanguage() {
        assertThat(Messages.fromAcceptLanguage("en")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("ko-KR,ko;q=0.9,en;q=0.8")).isEqualTo(Locale.KOREAN);
        assertThat(Messages.fromAcceptLanguage("en;q=0.5,ko;q=0.9")).isEqualTo(Locale.KOREAN);
        assertThat(Messages.fromAcceptLanguage("ko;q=0.1,en;q=0.2")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void defaultsToKorean() {
        for (String header : new String[] {null, "", "   ", "fr", "*", "ja-JP", ";;;", "en;q=abc", "x".repeat(10_000), "ko,en;q=0"}) {
            assertThat(Messages.fromAcceptLanguage(header)).as(String.valueOf(header)).isEqualTo(Locale.KOREAN);
        }
    }

    @Test
    void textsExistInBothLanguagesAndFormatArguments() {
        assertThat(Messages.text(Locale.ENGLISH, "payloadTooLarge", 65536)).isEqualTo("The request body may not exceed 65,536 bytes.");
        assertThat(Messages.text(Locale.KOREAN, "csrf")).isNotEqualTo(Messages.text(Locale.ENGLISH, "csrf")).doesNotContain("csrf=");
        assertThat(Messages.text(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }

    @Test
    void everyKeyIsInBothBundles() throws Exception {
        var en = load("en");
        var ko = load("ko");
        assertThat(ko.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(ko.getProperty(key)).as(key).isNotBlank();
        }
    }

    private static java.util.Properties load(String language) throws Exception {
        var properties = new java.util.Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/org/madang/platform/error/messages_" + language + ".properties");
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
