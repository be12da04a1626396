package dev.issuecommand.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP answer of an operation's result: 200, or the refusal as problem+json with its reason's status. */
public final class ResultResponses {

    private ResultResponses() {
    }

    /** 200 with {@code result} when {@code ok}, else the refusal as problem+json. */
    public static Response of(boolean ok, Object result, Reason reason, String message, String owner, Object claim) {
        if (ok) {
            return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return ProblemResponses.of(Problem.refusal(reason, message, owner, claim));
    }
}
