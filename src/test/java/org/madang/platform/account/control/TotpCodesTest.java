package org.madang.platform.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B (SHA-1): the 8-digit reference values, of which a 6-digit code is the last six digits. */
class TotpCodesTest {

    private static final String SECRET = TotpCodes.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void rfc6238AppendixBVectors() {
        assertThat(SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        long[][] vectors = {
            {59L, 94287082}, {1111111109L, 7081804}, {1111111111L, 14050471},
            {1234567890L, 89005924}, {2000000000L, 69279037}, {20000000000L, 65353130},
        };
        for (long[] vector : vectors) {
            long step = TotpCodes.step(Instant.ofEpochSecond(vector[0]));
            assertThat(TotpCodes.code(SECRET, step)).as("T=" + vector[0]).isEqualTo(String.format("%06d", vector[1] % 1_000_000));
        }
    }

    @Test
    void matchingAllowsOneStepOfDriftEitherWay() {
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = TotpCodes.step(now);
        assertThat(TotpCodes.matchingStep(SECRET, "050471", now)).hasValue(step);
        assertThat(TotpCodes.matchingStep(SECRET, TotpCodes.code(SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(TotpCodes.matchingStep(SECRET, TotpCodes.code(SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(TotpCodes.matchingStep(SECRET, TotpCodes.code(SECRET, step + 2), now)).isEmpty();
        assertThat(TotpCodes.matchingStep(SECRET, TotpCodes.code(SECRET, step - 2), now)).isEmpty();
    }

    @Test
    void malformedCodesNeverMatch() {
        Instant now = Instant.ofEpochSecond(1111111111L);
        for (String code : new String[] {null, "", "50471", "0504710", "05047a", " 050471", "０５０４７１"}) {
            assertThat(TotpCodes.matchingStep(SECRET, code, now)).as(String.valueOf(code)).isEmpty();
        }
        assertThat(TotpCodes.matchingStep(null, "050471", now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndNewSecretsAre160Bits() {
        byte[] bytes = "any bytes at all \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(TotpCodes.base32Decode(TotpCodes.base32(bytes))).isEqualTo(bytes);
        String secret = TotpCodes.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(TotpCodes.base32Decode(secret)).hasSize(20);
        assertThat(TotpCodes.newSecret()).isNotEqualTo(secret);
        assertThat(TotpCodes.otpauthUri("Madang", "a b@madang.test", secret))
                .startsWith("otpauth://totp/Madang:a%20b%40madang.test?secret=" + secret).contains("period=30");
    }
}
