package dev.issuecommand.waiting.boundary;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a suspended JAX-RS request when its (possibly waiting) call completes (docs/behaviour.md §18): the request
 * holds no thread meanwhile. A failure goes through the exception mappers as if it had been thrown.
 */
public final class SuspendedAnswers {

    /** Beyond the longest wait, a safety net should an answer never come. */
    private static final long SPARE_SECONDS = 30;

    private SuspendedAnswers() {
    }

    public static <T> void answer(AsyncResponse response, int waitSeconds, Supplier<CompletionStage<T>> call,
            Function<T, Response> respond) {
        response.setTimeout(waitSeconds + SPARE_SECONDS, TimeUnit.SECONDS);
        CompletionStage<T> answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            response.resume(e);
            return;
        }
        answer.whenComplete((result, failure) -> {
            if (failure == null) {
                response.resume(respond.apply(result));
            } else {
                response.resume(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
    }
}
