package dev.issuecommand.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With TRUST_PROXY=false (the default) forwarding headers are ignored: every request counts for the socket address. */
class UntrustedProxyRateLimitIT {

    @TempDir
    Path dir;

    @Test
    void forwardedHeadersCannotDodgeTheLimit() throws Exception {
        try (ServerProcess server = ServerProcess.create(null, dir.resolve("untrusted.db"), Map.of(
                "RATE_LIMIT_ENABLED", "true", "RATE_LIMIT_IP_BURST", "3", "RATE_LIMIT_IP_PER_MINUTE", "1")).start()) {
            Api api = server.api();
            int allowed = 0;
            Api.Answer answer;
            int attempt = 0;
            do {
                answer = api.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/health"))
                        .header("Authorization", "Bearer " + ServerProcess.API_KEY)
                        .header("X-Forwarded-For", "10.9.0." + attempt)
                        .header("X-Real-IP", "10.8.0." + attempt)
                        .build());
                attempt++;
                if (answer.status() == 200) {
                    allowed++;
                }
            } while (answer.status() == 200 && attempt < 10);
            RateLimitIT.assertLimited(answer, "ip");
            assertThat(allowed).as("the harness readiness probe may have taken a token").isLessThanOrEqualTo(3);
        }
    }
}
