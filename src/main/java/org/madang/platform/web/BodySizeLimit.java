package org.madang.platform.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.madang.platform.error.ProblemException;
import org.madang.platform.error.ProblemType;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, otherwise as soon as the
 * streamed body passes the limit (chunked uploads cannot dodge it).
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "madang.http.max-body-bytes", defaultValue = "65536")
    long maxBytes;

    /**
     * Election documents are larger than any form: a 4096-bit ballot, a trustee's decryption shares for a whole
     * tally, a voter roll of 100,000 lines; a consultation's
     * background document or imported Pol.is conversation; a document released with a disclosure decision. These
     * paths get their own, larger limit.
     */
    @Inject
    @ConfigProperty(name = "madang.http.max-document-bytes", defaultValue = "8388608")
    long maxDocumentBytes;

    /** Matched against UriInfo.getPath(), which is relative to the application path (no "api/"). */
    private static final java.util.regex.Pattern DOCUMENT_PATHS =
            java.util.regex.Pattern.compile("/?(api/)?(elections/[^/]+/(ballots|ceremony/[a-z]+|decryption/[a-z]+|roll/imports)"
                    + "|forums/posts/[^/]+/attachments|publications/[^/]+/files|consultations/[^/]+/(polis-imports|documents/files)"
                    + "|disclosure/requests/[^/]+/documents)/?");

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = DOCUMENT_PATHS.matcher(request.getUriInfo().getPath()).matches() ? maxDocumentBytes : maxBytes;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "payloadTooLarge", limit);
    }

    static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) throw tooLarge(limit);
        }
    }
}
