package dev.issuecommand.problems;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.util.Arrays;

/**
 * Why an operation was refused (docs/behaviour.md §3, §8): the {@code reason} of a claim or follow-up result, with
 * the HTTP status the refusal answers. JSON shows the wire name. The one table of reasons and statuses.
 */
@JsonbTypeAdapter(Reason.Wire.class)
public enum Reason {
    ALREADY_CLAIMED("already_claimed", 409),
    CLAIM_NOT_FOUND("claim_not_found", 404),
    INVALID_TRANSITION("invalid_transition", 409),
    AGENT_MISMATCH("agent_mismatch", 409),
    /** An {@code agent_id} other than the one the caller's agent key names: nothing is done. */
    NOT_YOUR_AGENT("agent_mismatch", 403),
    INVALID_REPO("invalid_repo", 403),
    /** A closed issue, a pull request, or nothing eligible. */
    INVALID_ISSUE("invalid_issue", 409),
    /** An issue GitHub does not have: {@code invalid_issue} like a closed one, but 404. */
    ISSUE_NOT_FOUND("invalid_issue", 404),
    WORK_ITEM_NOT_FOUND("work_item_not_found", 404);

    private final String wire;
    private final int status;

    Reason(String wire, int status) {
        this.wire = wire;
        this.status = status;
    }

    /** The name clients see in {@code reason}. */
    public String wire() {
        return wire;
    }

    /** The HTTP status of the refusal. */
    public int status() {
        return status;
    }

    /** Writes a reason as its wire name. */
    public static class Wire implements JsonbAdapter<Reason, String> {

        @Override
        public String adaptToJson(Reason reason) {
            return reason.wire();
        }

        @Override
        public Reason adaptFromJson(String wire) {
            return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown reason " + wire));
        }
    }
}
