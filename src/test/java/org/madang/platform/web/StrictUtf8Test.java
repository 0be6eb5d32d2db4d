package org.madang.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

class StrictUtf8Test {

    /** Reads everything, {@code chunk} bytes at a time, so multi-byte characters are split across reads. */
    private static byte[] readAll(byte[] body, int chunk) throws IOException {
        try (InputStream in = new StrictUtf8.CheckedStream(new ByteArrayInputStream(body))) {
            var out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[chunk];
            int n;
            while ((n = in.read(buffer, 0, chunk)) >= 0) out.write(buffer, 0, n);
            return out.toByteArray();
        }
    }

    @Test
    void validUtf8PassesUnchangedWhateverTheReadSize() throws IOException {
        byte[] body = "{\"displayName\": \"마당 시민 😀 é\"}".getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 5, 8192}) {
            assertThat(readAll(body, chunk)).isEqualTo(body);
        }
        try (var in = new StrictUtf8.CheckedStream(new ByteArrayInputStream(body))) {
            int b;
            int count = 0;
            while ((b = in.read()) >= 0) count++;
            assertThat(count).isEqualTo(body.length);
        }
    }

    @Test
    void brokenSequencesAreRefused() {
        byte[][] broken = {
            {'"', (byte) 0xC3, (byte) 0x28, '"'},             // a lead byte without its continuation
            {'"', (byte) 0xFF, '"'},                           // never valid
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // an encoded surrogate
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},             // overlong "/"
            {'"', (byte) 0xE2, (byte) 0x82},                   // cut off at the end
        };
        for (byte[] body : broken) {
            for (int chunk : new int[] {1, 4096}) {
                assertThatThrownBy(() -> readAll(body, chunk)).isInstanceOf(ProblemException.class)
                        .satisfies(e -> assertThat(((ProblemException) e).type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
            }
        }
    }
}
