package dev.issuecommand.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.ServerProcess;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.WithOwnServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub failing, slow or rate limiting (docs/behaviour.md §6): our API answers 502/503 {@code github_unavailable},
 * retries only what is worth retrying, stops calling while rate limited or while the circuit is open, and everything
 * that does not need GitHub keeps answering. Fault Tolerance values are shortened through MicroProfile Config.
 */
@WithOwnServer(settings = {"ALLOWED_REPOS=acme/res",
    GitHubResilienceIT.FT + "TIMEOUT_VALUE=1500", GitHubResilienceIT.FT + "TIMEOUT_UNIT=MILLIS",
    GitHubResilienceIT.FT + "CIRCUITBREAKER_REQUESTVOLUMETHRESHOLD=6",
    GitHubResilienceIT.FT + "CIRCUITBREAKER_DELAY=2000", GitHubResilienceIT.FT + "CIRCUITBREAKER_DELAYUNIT=MILLIS"})
class GitHubResilienceIT {

    private static final String REPO = "acme/res";
    private static final String ISSUES = "/api/repos/acme/res/issues";
    /** The prefix of the fault tolerance settings of the GitHub calls (MicroProfile Fault Tolerance). */
    static final String FT = "DEV_ISSUECOMMAND_GITHUB_GITHUBTRANSPORT_EXCHANGE_";

    static FakeGitHub github;
    static Api api;

    @BeforeAll
    static void start(TestServer own) {
        github = own.github();
        github.addIssues(REPO, 1, 5);
        api = own.api();
    }

    /** Each test starts with a healthy GitHub and a closed circuit. */
    @BeforeEach
    void gitHubHealthy() {
        github.failNext(0, 500);
        github.rateLimitNext(0, 429, 1);
        github.slowNext(0, 0);
        await("GitHub healthy again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(ISSUES).status() == 200);
    }

    @Test
    void gitHubDownIs502Or503WhileClaimsAndHealthStillAnswer() throws Exception {
        Api.Answer claimed = api.claim("survivor", REPO, 1);
        assertThat(claimed.status()).isEqualTo(200);
        github.failNext(100_000, 500);
        for (String path : new String[] {ISSUES, "/api/repos", "/api/issues/acme/res/2"}) {
            Api.Answer down = api.get(path);
            assertThat(down.status()).as(path + ": " + down.text()).isIn(502, 503);
            assertThat(down.json().get("error").asText()).isEqualTo("github_unavailable");
            assertThat(down.json().get("ok").asBoolean()).isFalse();
            assertThat(down.text()).doesNotContain(ServerProcess.GITHUB_TOKEN);
        }
        Api.Answer next = api.post("/api/next", Map.of("agent_id", "hopeful", "repo", REPO));
        assertThat(next.status()).isIn(502, 503);
        assertThat(next.json().get("error").asText()).isEqualTo("github_unavailable");

        Api.Answer claims = api.get("/api/claims");
        assertThat(claims.status()).isEqualTo(200);
        assertThat(claims.json().get("claims")).anyMatch(c -> c.get("agent_id").asText().equals("survivor"));
        Api.Answer health = api.get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("health").get("active_claims").asInt()).isGreaterThanOrEqualTo(1);
        String id = claimed.json().get("claim").get("claim_id").asText();
        assertThat(api.patch("/api/claims/" + id, Map.of("agent_id", "survivor", "status", "in_progress")).status())
                .as("claim changes need no GitHub").isEqualTo(200);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingGitHub() throws Exception {
        github.failNext(100_000, 503);
        Api.Answer last = null;
        for (int i = 0; i < 6; i++) {
            last = api.get(ISSUES);
        }
        int before = github.requests().size();
        Api.Answer open = api.get(ISSUES);
        assertThat(open.status()).as("after the last failure %s: %s", last.text(), open.text()).isEqualTo(503);
        assertThat(open.json().get("error").asText()).isEqualTo("github_unavailable");
        assertThat(open.json().get("detail").asText()).contains("paused");
        assertThat(github.requests().size()).as("an open circuit sends nothing").isEqualTo(before);
    }

    @Test
    void fiveHundredsAreRetriedButFourHundredsAreNot() {
        int before = github.requests().size();
        github.failNext(2, 502);
        Api.Answer recovered = api.get(ISSUES);
        assertThat(recovered.status()).as(recovered.text()).isEqualTo(200);
        assertThat(recovered.json().get("issues")).isNotEmpty().allMatch(i -> i.get("number").asInt() <= 5);
        assertThat(github.requests().size() - before).as("two failures, then the third attempt").isEqualTo(3);

        before = github.requests().size();
        github.failNext(1, 422);
        Api.Answer refused = api.get(ISSUES);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("error").asText()).isEqualTo("github_unavailable");
        assertThat(github.requests().size() - before).as("a 4xx is answered once, never retried").isEqualTo(1);
    }

    @Test
    void aRateLimitStopsEveryCallUntilRetryAfter() throws Exception {
        for (int status : new int[] {429, 403}) {
            github.rateLimitNext(1, status, 2);
            Api.Answer limited = api.get(ISSUES);
            assertThat(limited.status()).as(limited.text()).isEqualTo(503);
            assertThat(limited.json().get("error").asText()).isEqualTo("github_unavailable");
            assertThat(limited.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                    s -> assertThat(Integer.parseInt(s)).isBetween(1, 2));
            int before = github.requests().size();
            Api.Answer meanwhile = api.get("/api/issues/acme/res/1");
            assertThat(meanwhile.status()).isEqualTo(503);
            assertThat(github.requests().size()).as("no call while backing off").isEqualTo(before);
            await("calls resume after Retry-After").atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(200)).until(() -> api.get(ISSUES).status() == 200);
        }
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        github.slowNext(1, 4_000);
        Api.Answer retried = api.get("/api/issues/acme/res/3");
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.json().get("issue").get("number").asInt()).isEqualTo(3);

        github.slowNext(3, 4_000);
        Api.Answer slow = api.get("/api/issues/acme/res/4");
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.json().get("error").asText()).isEqualTo("github_unavailable");
        assertThat(slow.json().get("detail").asText()).contains("in time");
    }
}
