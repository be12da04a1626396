package dev.issuecommand.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real GitHub payloads from {@code src/test/resources/webhooks/} ({@code @octokit/webhooks-examples}), and the two
 * the package lacks, derived from real ones: a {@code changes_requested} review and a comment on a pull request.
 */
public final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private WebhookPayloads() {
    }

    /** The stored file's exact bytes. */
    public static byte[] raw(String name) {
        try (InputStream in = WebhookPayloads.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode load(String name) {
        try {
            return (ObjectNode) JSON.readTree(raw(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh id, so that each test's source events are new to the server. */
    public static long nextId() {
        return IDS.incrementAndGet();
    }

    /** The real submitted review, turned into a {@code changes_requested} one on {@code repo}#{@code pr}. */
    public static ObjectNode changesRequested(String repo, int pr, String body) {
        ObjectNode payload = load("pull_request_review.submitted.json");
        ObjectNode review = (ObjectNode) payload.get("review");
        review.put("state", "CHANGES_REQUESTED");
        review.put("body", body);
        review.put("id", nextId());
        onPullRequest(payload, repo, pr);
        return payload;
    }

    /** The real review comment, with a fresh id, on {@code repo}#{@code pr}. */
    public static ObjectNode reviewComment(String repo, int pr, String body) {
        ObjectNode payload = load("pull_request_review_comment.created.json");
        ObjectNode comment = (ObjectNode) payload.get("comment");
        comment.put("id", nextId());
        comment.put("body", body);
        onPullRequest(payload, repo, pr);
        return payload;
    }

    /** The real issue comment, on an issue that is pull request {@code repo}#{@code pr}. */
    public static ObjectNode prComment(String repo, int pr, String body) {
        ObjectNode payload = load("issue_comment.created.json");
        ObjectNode comment = (ObjectNode) payload.get("comment");
        comment.put("id", nextId());
        comment.put("body", body);
        ObjectNode issue = (ObjectNode) payload.get("issue");
        issue.put("number", pr);
        issue.put("html_url", "https://github.com/" + repo + "/pull/" + pr);
        ObjectNode pullRequest = issue.putObject("pull_request");
        pullRequest.put("url", "https://api.github.com/repos/" + repo + "/pulls/" + pr);
        pullRequest.put("html_url", "https://github.com/" + repo + "/pull/" + pr);
        pullRequest.put("diff_url", "https://github.com/" + repo + "/pull/" + pr + ".diff");
        pullRequest.put("patch_url", "https://github.com/" + repo + "/pull/" + pr + ".patch");
        inRepo(payload, repo);
        return payload;
    }

    /** The real synchronize event for {@code repo}#{@code pr}. */
    public static ObjectNode synchronize(String repo, int pr) {
        ObjectNode payload = load("pull_request.synchronize.json");
        onPullRequest(payload, repo, pr);
        return payload;
    }

    /** Sets the comment's (or review's) author login. */
    public static ObjectNode writtenBy(ObjectNode payload, String login) {
        ObjectNode source = (ObjectNode) (payload.has("review") ? payload.get("review") : payload.get("comment"));
        ((ObjectNode) source.get("user")).put("login", login);
        return payload;
    }

    public static ObjectNode inRepo(ObjectNode payload, String repo) {
        ObjectNode repository = (ObjectNode) payload.get("repository");
        repository.put("full_name", repo);
        repository.put("name", repo.substring(repo.indexOf('/') + 1));
        ((ObjectNode) repository.get("owner")).put("login", repo.substring(0, repo.indexOf('/')));
        return payload;
    }

    private static void onPullRequest(ObjectNode payload, String repo, int pr) {
        ObjectNode pullRequest = (ObjectNode) payload.get("pull_request");
        pullRequest.put("number", pr);
        pullRequest.put("html_url", "https://github.com/" + repo + "/pull/" + pr);
        pullRequest.put("title", "Pull request " + pr + " of " + repo);
        inRepo(payload, repo);
    }
}
