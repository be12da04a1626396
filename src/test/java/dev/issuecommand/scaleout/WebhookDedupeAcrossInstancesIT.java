package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.OnTwoPostgresInstances;
import dev.issuecommand.it.support.TestServer;
import dev.issuecommand.it.support.TwoInstances;
import dev.issuecommand.it.support.WithSharedServer;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.WebhookSender;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GitHub may deliver the same webhook twice, and behind a load balancer the two copies reach different instances at
 * the same moment: one copy queues the follow-up, the other is answered as a duplicate (docs/behaviour.md §7, §12).
 * It runs on the pair of instances shared with the other classes on PostgreSQL, in a repository of its own.
 */
@WithSharedServer
@OnTwoPostgresInstances
class WebhookDedupeAcrossInstancesIT {

    private static final String SECRET = WithSharedServer.WEBHOOK_SECRET;
    private static final String REPO = "acme/scaled-hooks";
    private static final String PATH = "/api/webhooks/github";
    private static final int DELIVERIES = 20;

    static TwoInstances servers;

    @BeforeAll
    static void start(TestServer shared) {
        servers = shared.instances();
    }

    @Test
    void oneDeliveryPostedToBothInstancesAtOnceQueuesOneFollowup() throws Exception {
        List<WebhookSender> senders = List.of(new WebhookSender(servers.a.api(), PATH, SECRET),
                new WebhookSender(servers.b.api(), PATH, SECRET));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int pr = 1; pr <= DELIVERIES; pr++) {
                String delivery = UUID.randomUUID().toString();
                ObjectNode payload = WebhookPayloads.changesRequested(REPO, pr, "Please split this method.");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Api.Answer>> sent = new ArrayList<>();
                for (WebhookSender sender : senders) {
                    sent.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return sender.send("pull_request_review", delivery, payload);
                    }));
                }
                List<Api.Answer> answers = List.of(sent.get(0).get(30, TimeUnit.SECONDS),
                        sent.get(1).get(30, TimeUnit.SECONDS));
                assertOneQueuedOneDuplicate(pr, delivery, answers);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneQueuedOneDuplicate(int pr, String delivery, List<Api.Answer> answers) {
        List<Api.Answer> queued = answers.stream().filter(answer -> answer.status() == 202).toList();
        assertThat(queued).as("one answer queued the follow-up: %s", answers).hasSize(1);
        JsonNode processed = queued.get(0).json();
        assertThat(processed.get("processed").asBoolean()).as(processed.toString()).isTrue();
        Api.Answer other = answers.get(answers.get(0) == queued.get(0) ? 1 : 0);
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        assertThat(other.json().get("duplicate").asBoolean()).isTrue();
        assertThat(other.json().get("delivery_id").asText()).isEqualTo(delivery);
        String workItem = processed.get("work_item_id").asText();
        for (Api api : List.of(servers.a.api(), servers.b.api())) {
            assertThat(api.get("/api/followups?repo=" + REPO + "&pr_number=" + pr).json().get("followups"))
                    .extracting(followup -> followup.get("work_item_id").asText()).containsExactly(workItem);
        }
    }
}
