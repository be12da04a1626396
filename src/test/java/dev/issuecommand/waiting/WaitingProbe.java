package dev.issuecommand.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the waiting tests need of a server: how many calls wait there, and new work queued through it. */
public final class WaitingProbe {

    private static final Pattern WAITING = Pattern.compile("(?m)^issuecommand_waiting_calls\\{[^}]*}\\s+(\\S+)");

    private WaitingProbe() {
    }

    /** The {@code issuecommand_waiting_calls} gauge of the process {@code on} talks to; -1 when it is not listed. */
    public static int waitingCalls(Api on) {
        Matcher gauge = WAITING.matcher(on.getPublic("/metrics?scope=application", null).text());
        return gauge.find() ? (int) Double.parseDouble(gauge.group(1)) : -1;
    }

    /** Waits until exactly {@code calls} calls wait at the process {@code on} talks to. */
    public static void awaitWaiting(Api on, int calls) {
        await(calls + " calls waiting").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> waitingCalls(on), count -> count == calls);
    }

    /** Queues a pull-request comment on {@code repo}#{@code pr} by a webhook to {@code on}; its work_item_id. */
    public static String queueFollowup(Api on, String repo, int pr) {
        Api.Answer answer = new WebhookSender(on, "/api/webhooks/github", WithSharedServer.WEBHOOK_SECRET)
                .send("issue_comment", WebhookPayloads.prComment(repo, pr, "please fix " + pr));
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        return answer.json().get("work_item_id").asText();
    }
}
