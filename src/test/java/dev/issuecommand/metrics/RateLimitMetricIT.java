package dev.issuecommand.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.issuecommand.it.support.ArquillianDeployments;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate-limit counter inside the container (Arquillian): its call site lives in the rate limiter, so the test
 * calls {@link IssueCommandMetrics#rateLimited} itself and reads the name Prometheus shows.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitMetricIT {

    @Inject
    IssueCommandMetrics metrics;

    /** The test archive's context root: {@code /metrics} is the application's own route. */
    @Inject
    ServletContext context;

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.warWith(RateLimitMetricIT.class);
    }

    @Test
    void rateLimitRejectionsAreCountedPerScope() throws Exception {
        String scope = "test_" + System.nanoTime();
        metrics.rateLimited(scope);
        metrics.rateLimited(scope);
        metrics.rateLimited("other_" + scope);

        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:9389" + context.getContextPath() + "/metrics?scope=application"))
                .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        List<String> lines = scrape.body().lines().filter(l -> l.contains("\"" + scope + "\"")).toList();
        assertEquals(1, lines.size(), scrape.body());
        assertTrue(lines.get(0).matches(
                "issuecommand_rate_limited_total\\{mp_scope=\"application\",scope=\"" + scope + "\"} 2\\.0"),
                lines.get(0));
        assertTrue(scrape.body().contains("# TYPE issuecommand_rate_limited_total counter"));
    }
}
