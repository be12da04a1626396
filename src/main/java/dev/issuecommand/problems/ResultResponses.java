package dev.issuecommand.problems;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Maps an operation's refusal reason to its HTTP status (docs/behaviour.md §8) and builds the response. */
public final class ResultResponses {

    private static final Map<String, Integer> STATUS = Map.of(
            "already_claimed", 409,
            "invalid_issue", 409,
            "invalid_repo", 403,
            "claim_not_found", 404,
            "work_item_not_found", 404,
            "agent_mismatch", 409,
            "invalid_transition", 409);

    private ResultResponses() {
    }

    /** 200 with {@code result} when {@code ok}, else the refusal as problem+json. */
    public static Response of(boolean ok, Object result, String reason, String message, String owner, Object claim) {
        if (ok) {
            return Response.ok(result, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build();
        }
        int status = STATUS.getOrDefault(reason, 409);
        return ProblemResponses.of(Problem.refusal(status, reason, message, owner, claim));
    }
}
