package dev.issuecommand.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.issuecommand.followups.entity.NewFollowup;
import dev.issuecommand.followups.entity.SourceEventType;
import dev.issuecommand.it.support.Api;
import dev.issuecommand.webhooks.WebhookPayloads;
import dev.issuecommand.webhooks.entity.MappedEvent;
import dev.issuecommand.webhooks.entity.WebhookDelivery;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The event mapping of docs/behaviour.md §7 applied to real GitHub payloads. */
class WebhookMappingTest {

    private static MappedEvent map(String event, byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return WebhookMapping.map(new WebhookDelivery(event, "d-1", reader.readObject()));
        }
    }

    private static MappedEvent map(String event, ObjectNode payload) {
        return map(event, Api.toJson(payload).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reviewCommentBecomesAReviewCommentFollowup() {
        MappedEvent mapped = map("pull_request_review_comment", WebhookPayloads.raw("pull_request_review_comment.created.json"));
        assertThat(mapped).isInstanceOf(MappedEvent.Queue.class);
        NewFollowup followup = ((MappedEvent.Queue) mapped).followup();
        assertThat(followup.repo()).isEqualTo("Codertocat/Hello-World");
        assertThat(followup.prNumber()).isEqualTo(2);
        assertThat(followup.prUrl()).isEqualTo("https://github.com/Codertocat/Hello-World/pull/2");
        assertThat(followup.sourceEventType()).isEqualTo(SourceEventType.REVIEW_COMMENT);
        assertThat(followup.sourceEventId()).isEqualTo("review_comment:284312630");
        assertThat(followup.sourceDeliveryId()).isEqualTo("d-1");
        assertThat(followup.requestedBy()).isEqualTo("Codertocat");
        assertThat(followup.actionableComments()).containsExactly("Maybe you should use more emoji on this line.");
        assertThat(((MappedEvent.Queue) mapped).author()).isEqualTo("Codertocat");
    }

    @Test
    void onlyChangesRequestedReviewsQueueInAnyCase() {
        assertThat(map("pull_request_review", WebhookPayloads.raw("pull_request_review.submitted.json")))
                .isEqualTo(new MappedEvent.Ignore("review_not_changes_requested"));
        ObjectNode payload = WebhookPayloads.changesRequested("o/r", 4, "fix");
        ((ObjectNode) payload.get("review")).put("state", "Changes_Requested");
        MappedEvent mapped = map("pull_request_review", payload);
        NewFollowup followup = ((MappedEvent.Queue) mapped).followup();
        assertThat(followup.sourceEventType()).isEqualTo(SourceEventType.REVIEW_CHANGES_REQUESTED);
        assertThat(followup.sourceEventId()).isEqualTo("review:" + payload.get("review").get("id").asLong());
    }

    @Test
    void issueCommentsQueueOnlyOnPullRequests() {
        assertThat(map("issue_comment", WebhookPayloads.raw("issue_comment.created.json")))
                .as("on an issue: releases its quarantine, if any (docs/behaviour.md §17)")
                .isEqualTo(new MappedEvent.IssueChanged("Codertocat/Hello-World", 1, "Codertocat", "new comment",
                        "issue_comment_not_on_pull_request"));
        NewFollowup followup = ((MappedEvent.Queue) map("issue_comment", WebhookPayloads.prComment("o/r", 9, "hi")))
                .followup();
        assertThat(followup.sourceEventType()).isEqualTo(SourceEventType.PR_COMMENT);
        assertThat(followup.prUrl()).isEqualTo("https://github.com/o/r/pull/9");
        assertThat(followup.sourceEventId()).startsWith("issue_comment:");
    }

    @Test
    void anEditedIssueBodyIsAChangeAndANewTitleAloneIsNot() {
        assertThat(map("issues", WebhookPayloads.raw("issues.edited.json")))
                .isEqualTo(new MappedEvent.IssueChanged("Codertocat/Hello-World", 1, "Codertocat", "edited body",
                        "unsupported_event"));
        ObjectNode retitled = WebhookPayloads.load("issues.edited.json");
        retitled.putObject("changes").putObject("title").put("from", "Old title");
        assertThat(map("issues", retitled)).isEqualTo(new MappedEvent.Ignore("unsupported_event"));
        ObjectNode opened = WebhookPayloads.load("issues.edited.json");
        opened.put("action", "opened");
        assertThat(map("issues", opened)).isEqualTo(new MappedEvent.Ignore("unsupported_event"));
    }

    @Test
    void synchronizeResolvesAndTheRestIsIgnored() {
        assertThat(map("pull_request", WebhookPayloads.raw("pull_request.synchronize.json")))
                .isEqualTo(new MappedEvent.Resolve("Codertocat/Hello-World", 2));
        assertThat(map("pull_request", WebhookPayloads.raw("pull_request.opened.json")))
                .isEqualTo(new MappedEvent.Ignore("unsupported_action"));
        assertThat(map("ping", WebhookPayloads.raw("ping.json"))).isEqualTo(new MappedEvent.Ignore("unsupported_event"));
        assertThat(map("pull_request_review", "{\"action\":\"submitted\",\"review\":{\"state\":\"changes_requested\"}}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(new MappedEvent.Ignore("incomplete_payload"));
    }
}
