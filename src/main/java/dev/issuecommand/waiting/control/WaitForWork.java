package dev.issuecommand.waiting.control;

import dev.issuecommand.claims.control.IssuePicker;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.followups.control.NextWork;
import dev.issuecommand.followups.entity.NextWorkResult;
import dev.issuecommand.problems.Reason;
import dev.issuecommand.requests.WorkRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code next_issue} and {@code next_work} for HTTP and MCP alike, with their {@code wait_seconds} (docs/behaviour.md
 * §18): without it, answered now as ever; with it, a call that finds nothing waits for work in {@link Waiting}. Only
 * the "nothing eligible" refusal waits; any other answer (work, {@code invalid_repo}, …) is given at once.
 */
@ApplicationScoped
public class WaitForWork {

    @Inject
    IssuePicker picker;

    @Inject
    NextWork nextWork;

    @Inject
    Waiting waiting;

    public CompletableFuture<ClaimResult> nextIssue(WorkRequest request) {
        Supplier<ClaimResult> pick = () -> picker.next(request.agentId(), request.repo(), request.label(),
                request.milestone());
        if (request.waitSeconds() == 0) {
            return CompletableFuture.completedFuture(pick.get());
        }
        return waiting.await(request.waitSeconds(), new Pick<>(key(request), Optional::empty, pick,
                result -> ClaimResult.nothingEligible(result.ok(), result.reason(), result.message()),
                ClaimResult.nothingEligible()));
    }

    public CompletableFuture<NextWorkResult> nextWork(WorkRequest request) {
        if (request.waitSeconds() == 0) {
            return CompletableFuture.completedFuture(
                    nextWork.next(request.agentId(), request.repo(), request.label(), request.milestone()));
        }
        return waiting.await(request.waitSeconds(), new Pick<>(key(request),
                () -> nextWork.followupFirst(request.agentId(), request.repo()),
                () -> nextWork.issue(request.agentId(), request.repo(), request.label(), request.milestone()),
                result -> ClaimResult.nothingEligible(result.ok(), result.reason(), result.message()),
                NextWorkResult.refused(Reason.INVALID_ISSUE, ClaimResult.NOTHING_ELIGIBLE)));
    }

    /** Waiters asking for the same repository, label and milestone see the same issues. */
    private static String key(WorkRequest request) {
        return request.repo().map(repo -> repo.fullName().toLowerCase(Locale.ROOT)).orElse("*") + " "
                + request.label() + " " + request.milestone();
    }

    /** A pick made of the facades' calls; {@code empty} tells the "nothing eligible" answer of the shared step. */
    private record Pick<R>(String key, Supplier<Optional<R>> ownStep, Supplier<R> sharedStep, Predicate<R> empty,
            R nothing) implements WorkPick<R> {

        @Override
        public Optional<R> own() {
            return ownStep.get();
        }

        @Override
        public Optional<R> shared() {
            R result = sharedStep.get();
            return empty.test(result) ? Optional.empty() : Optional.of(result);
        }
    }
}
