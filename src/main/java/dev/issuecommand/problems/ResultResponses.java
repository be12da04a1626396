package dev.issuecommand.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the HTTP answer of an operation's result: 200, or the refusal as problem+json with its reason's status. */
public final class ResultResponses {

    private ResultResponses() {
    }

    /** 200 with {@code result} when it is ok, else its refusal as problem+json. */
    public static Response of(OperationResult result) {
        if (result.ok()) {
            return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return ProblemResponses.of(Problem.refusal(result.reason(), result.message(), result.ownerAgentId(),
                result.refusedClaim()));
    }
}
