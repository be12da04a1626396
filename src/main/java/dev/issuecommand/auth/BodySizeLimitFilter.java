package dev.issuecommand.auth;

import dev.issuecommand.problems.Problem;
import dev.issuecommand.problems.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 1 MiB with 413 (docs/behaviour.md §8), by Content-Length or while a chunked body is read.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimitFilter implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream()));
    }

    private static jakarta.ws.rs.core.Response tooLarge() {
        return ProblemResponses.of(Problem.of(413, "payload_too_large", "Payload too large",
                "Request bodies are limited to 1 MiB"));
    }

    /** Counts bytes as they are read and stops at the limit. */
    private static final class Limited extends FilterInputStream {

        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > MAX_BODY_BYTES) {
                throw new WebApplicationException(tooLarge());
            }
        }
    }
}
