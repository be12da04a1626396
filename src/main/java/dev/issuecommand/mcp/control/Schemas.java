package dev.issuecommand.mcp.control;

import dev.issuecommand.claims.entity.ClaimStatus;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.requests.FieldLimits;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema fragments for the tools: the shared arguments (with the limits of {@link FieldLimits}, which the
 * request records enforce) and the shapes of the records the tools return (docs/behaviour.md §3). Result schemas list
 * what is always there and allow more, so that adding a field to a record never breaks a client that validates
 * results.
 */
public final class Schemas {

    /** An agent's stable identifier, as every claim tool takes it. */
    public static final Map<String, Object> AGENT_ID = text("Your stable agent identifier, e.g. "
            + "claude-code-laptop-1. Use the same value in every call: ownership of claims is checked against it.",
            FieldLimits.MAX_ID_LENGTH);
    public static final Map<String, Object> REPO = pattern("Repository as owner/name, e.g. myorg/api.",
            FieldLimits.REPO_PATTERN);
    public static final Map<String, Object> ISSUE_NUMBER =
            integer("Issue number in the repository.", 1, Integer.MAX_VALUE);
    public static final Map<String, Object> CLAIM_ID = text("The claim_id returned when the issue was claimed.",
            FieldLimits.MAX_ID_LENGTH);
    public static final Map<String, Object> CLAIM_STATUS = enumOf("Claim status.",
            Arrays.stream(ClaimStatus.values()).map(ClaimStatus::wire).toList());
    public static final Map<String, Object> LABEL = text("Only issues carrying this label.", FieldLimits.MAX_ID_LENGTH);
    public static final Map<String, Object> MILESTONE = text("Only issues of this milestone (its number, or * / none as "
            + "GitHub accepts).", FieldLimits.MAX_ID_LENGTH);
    public static final Map<String, Object> WAIT_SECONDS = integer("When nothing is eligible, wait up to this many "
            + "seconds (default 0) for work to appear and answer with it instead of polling.", 0,
            FieldLimits.MAX_WAIT_SECONDS);

    private static final Map<String, Object> STRING = Map.of("type", "string");
    private static final Map<String, Object> STRINGS = array(STRING);
    private static final Map<String, Object> INTEGER = Map.of("type", "integer");
    private static final Map<String, Object> BOOLEAN = Map.of("type", "boolean");

    /** A claim (docs/behaviour.md §3). */
    public static final Map<String, Object> CLAIM = object(props(
            "claim_id", STRING, "agent_id", STRING, "repo", STRING, "issue_number", INTEGER, "issue_title", STRING,
            "issue_labels", STRINGS, "issue_assignees", STRINGS, "status", CLAIM_STATUS, "claimed_at", STRING,
            "last_updated", STRING, "last_activity_at", STRING,
            "status_history", array(object(props("status", STRING, "timestamp", STRING, "note", STRING),
                    List.of("status", "timestamp"))),
            "pr_url", STRING, "stale_at", STRING, "auto_release_at", STRING),
            List.of("claim_id", "agent_id", "repo", "issue_number", "status", "claimed_at", "last_updated",
                    "status_history"));

    /** An issue as IssueCommand shows it; {@code comments} only on the detail tool. */
    public static final Map<String, Object> ISSUE = object(props(
            "repo", STRING, "number", INTEGER, "title", STRING, "body", STRING, "state", STRING, "url", STRING,
            "labels", STRINGS, "assignees", STRINGS, "milestone", STRING, "author", STRING, "created_at", STRING,
            "updated_at", STRING, "pull_request", BOOLEAN,
            "comments", array(object(props("author", STRING, "body", STRING, "created_at", STRING, "url", STRING),
                    List.of()))),
            List.of("repo", "number", "title", "state"));

    /** A quarantined issue (docs/behaviour.md §17). */
    public static final Map<String, Object> QUARANTINE = object(props(
            "repo", STRING, "issue_number", INTEGER, "strikes", INTEGER, "since", STRING, "reason", STRING),
            List.of("repo", "issue_number", "strikes", "since", "reason"));

    /**
     * An operation result (docs/behaviour.md §3); {@code issue} after next_issue, {@code issue_closed} after an
     * auto-close, {@code quarantined} and {@code quarantine} when the claimed issue is quarantined (§17).
     */
    public static final Map<String, Object> CLAIM_RESULT = object(props(
            "ok", BOOLEAN, "claim", CLAIM, "idempotent", BOOLEAN,
            "reason", enumOf("Why the operation was refused.",
                    ClaimResult.REASONS.stream().map(Reason::wire).toList()),
            "message", STRING, "owner_agent_id", STRING, "issue", ISSUE, "issue_closed", BOOLEAN,
            "issue_close_error", STRING, "quarantined", BOOLEAN, "quarantine", QUARANTINE),
            List.of("ok"));

    public static final Map<String, Object> CLAIM_LIST = object(props("claims", array(CLAIM)), List.of("claims"));

    private Schemas() {
    }

    public static Map<String, Object> text(String description, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", 1, "maxLength", maxLength);
    }

    public static Map<String, Object> pattern(String description, String regex) {
        return Map.of("type", "string", "description", description, "pattern", regex);
    }

    public static Map<String, Object> integer(String description, int min, int max) {
        return Map.of("type", "integer", "description", description, "minimum", min, "maximum", max);
    }

    public static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    public static Map<String, Object> enumOf(String description, List<String> values) {
        return Map.of("type", "string", "description", description, "enum", values);
    }

    public static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    /** An object with {@code properties}; other members are allowed. */
    public static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        return schema;
    }

    /** An ordered property map from name/schema pairs. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> props(Object... pairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            properties.put((String) pairs[i], (Map<String, Object>) pairs[i + 1]);
        }
        return properties;
    }
}
