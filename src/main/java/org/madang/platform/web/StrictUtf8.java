package org.madang.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * JSON bodies must be UTF-8 (RFC 8259). The JSON parser would quietly turn broken bytes into U+FFFD and store them;
 * this refuses such a body with 400 instead, checking the bytes as the parser reads them.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            context.setInputStream(new CheckedStream(context.getInputStream()));
        }
        return context.proceed();
    }

    static final class CheckedStream extends FilterInputStream {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer scratch = CharBuffer.allocate(4096);
        /** The start of a character whose remaining bytes have not arrived yet (at most 3 bytes). */
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private boolean finished;

        CheckedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) finish();
            else check(new byte[] {(byte) b}, 0, 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) finish();
            else check(buffer, offset, n);
            return n;
        }

        private void check(byte[] buffer, int offset, int length) {
            var input = ByteBuffer.allocate(pending.remaining() + length);
            input.put(pending).put(buffer, offset, length).flip();
            decode(input, false);
            pending = input.slice();
        }

        private void finish() {
            if (finished) return;
            finished = true;
            decode(pending, true);
            scratch.clear();
            if (decoder.flush(scratch).isError()) throw invalid();
        }

        private void decode(ByteBuffer input, boolean endOfInput) {
            while (true) {
                scratch.clear();
                var result = decoder.decode(input, scratch, endOfInput);
                if (result.isError()) throw invalid();
                if (!result.isOverflow()) return;
            }
        }

        private static ProblemException invalid() {
            return new ProblemException(ProblemType.MALFORMED_REQUEST, "invalidUtf8");
        }
    }
}
