package dev.issuecommand.waiting.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The waiting queue: arrival order, one item each, the cap per principal, the end of a wait, shutdown. */
class WaitQueueTest {

    private final Deque<String> issues = new ArrayDeque<>();
    private final AtomicInteger sharedLooks = new AtomicInteger();
    private final List<String> events = new ArrayList<>();
    private final WaitQueue queue = new WaitQueue(2, Runnable::run, on -> events.add(on ? "waiting" : "idle"));

    /** A pick taking the next of {@link #issues}, as the issue picker would; "nothing" when none is left. */
    private WorkPick<String> pick(String key, Supplier<Optional<String>> own) {
        return new WorkPick<>() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Optional<String> own() {
                return own.get();
            }

            @Override
            public Optional<String> shared() {
                sharedLooks.incrementAndGet();
                return Optional.ofNullable(issues.poll());
            }

            @Override
            public String nothing() {
                return "nothing";
            }
        };
    }

    private Waiter<String> waiter(String principal) {
        return new Waiter<>(principal, pick("acme/api", Optional::empty));
    }

    @Test
    void waitersAreServedInArrivalOrderOneItemEach() {
        Waiter<String> first = waiter("agent:a");
        Waiter<String> second = waiter("agent:b");
        Waiter<String> third = waiter("agent:c");
        assertThat(queue.add(first) && queue.add(second) && queue.add(third)).isTrue();
        assertThat(List.of(first.answer, second.answer, third.answer)).noneMatch(answer -> answer.isDone());

        issues.addAll(List.of("issue-1", "issue-2"));
        queue.wake();

        assertThat(first.answer).isCompletedWithValue("issue-1");
        assertThat(second.answer).isCompletedWithValue("issue-2");
        assertThat(third.answer).as("two items, three waiters: the last one waits on").isNotDone();
        assertThat(queue.size()).isEqualTo(1);

        queue.expire(third);
        assertThat(third.answer).isCompletedWithValue("nothing");
        assertThat(events).containsExactly("waiting", "idle");
    }

    @Test
    void aRoundStopsAskingForIssuesOnceTheyCameUpEmptyButStillLooksAtEachOwnStep() {
        AtomicInteger ownLooks = new AtomicInteger();
        List<Waiter<String>> waiters = new ArrayList<>();
        for (String agent : List.of("a", "b", "c")) {
            waiters.add(new Waiter<>("agent:" + agent, pick("acme/api", () -> {
                ownLooks.incrementAndGet();
                return Optional.empty();
            })));
        }
        waiters.add(new Waiter<>("agent:d", pick("acme/web", Optional::empty)));
        waiters.forEach(queue::add);
        sharedLooks.set(0);
        ownLooks.set(0);

        queue.wake();

        assertThat(sharedLooks).as("once for acme/api, once for acme/web").hasValue(2);
        assertThat(ownLooks).as("each waiter's own follow-ups").hasValue(3);
    }

    @Test
    void atMostTheLimitPerPrincipalWait() {
        Waiter<String> one = waiter("agent:a");
        assertThat(queue.add(one)).isTrue();
        assertThat(queue.add(waiter("agent:a"))).isTrue();
        assertThat(queue.add(waiter("agent:a"))).as("a third of the same principal").isFalse();
        assertThat(queue.add(waiter("agent:b"))).as("another principal").isTrue();
        assertThat(queue.size()).isEqualTo(3);

        queue.expire(one);
        assertThat(queue.add(waiter("agent:a"))).as("room again once one is answered").isTrue();
    }

    @Test
    void anItemFoundAsTheWaitEndsIsHandedOverNotDropped() {
        Waiter<String>[] self = new Waiter[1];
        self[0] = new Waiter<>("agent:a", pick("acme/api", () -> {
            queue.expire(self[0]);
            return Optional.of("follow-up-1");
        }));
        queue.add(self[0]);
        assertThat(self[0].answer).isCompletedWithValue("follow-up-1");

        Waiter<String>[] empty = new Waiter[1];
        empty[0] = new Waiter<>("agent:b", pick("acme/api", () -> {
            queue.expire(empty[0]);
            return Optional.empty();
        }));
        queue.add(empty[0]);
        assertThat(empty[0].answer).as("nothing found: answered at the end of the look").isCompletedWithValue("nothing");
        assertThat(queue.size()).isZero();
    }

    @Test
    void workAppearingDuringARoundIsLookedForInAnotherRound() {
        Waiter<String>[] self = new Waiter[1];
        AtomicInteger looks = new AtomicInteger();
        self[0] = new Waiter<>("agent:a", pick("acme/api", () -> {
            if (looks.incrementAndGet() == 1) {
                issues.add("issue-9");
                queue.wake();
            }
            return Optional.empty();
        }));
        queue.add(self[0]);
        assertThat(self[0].answer).isCompletedWithValue("issue-9");
        assertThat(looks).hasValue(1);
    }

    @Test
    void shutdownAnswersEveryWaiterNothing() {
        Waiter<String> one = waiter("agent:a");
        Waiter<String> two = waiter("agent:b");
        queue.add(one);
        queue.add(two);
        queue.answerAll();
        assertThat(one.answer).isCompletedWithValue("nothing");
        assertThat(two.answer).isCompletedWithValue("nothing");
        assertThat(queue.size()).isZero();
    }

    @Test
    void aLaterLookFailingKeepsTheCallWaitingForWork() {
        AtomicInteger looks = new AtomicInteger();
        Waiter<String> waiting = new Waiter<>("agent:a", pick("acme/api", () -> {
            if (looks.incrementAndGet() == 2) {
                throw new IllegalStateException("GitHub is briefly unavailable");
            }
            return Optional.empty();
        }));
        queue.add(waiting);
        queue.wake();
        assertThat(waiting.answer).as("the failed second look is only a look without work").isNotDone();

        issues.add("issue-1");
        queue.wake();
        assertThat(waiting.answer).isCompletedWithValue("issue-1");
    }

    @Test
    void anErrorInALookLeavesTheQueueServingLaterRounds() {
        AtomicInteger looks = new AtomicInteger();
        Waiter<String> hit = new Waiter<>("agent:a", pick("acme/api", () -> {
            if (looks.incrementAndGet() == 1) {
                throw new StackOverflowError();
            }
            return Optional.empty();
        }));
        queue.add(hit);
        assertThat(hit.answer).isNotDone();

        issues.add("issue-1");
        queue.wake();
        assertThat(hit.answer).as("the next round still runs").isCompletedWithValue("issue-1");
    }

    @Test
    void aFailingLookAnswersWithTheFailure() {
        Waiter<String> failing = new Waiter<>("agent:a", pick("acme/api", () -> {
            throw new IllegalStateException("GitHub is down");
        }));
        queue.add(failing);
        assertThat(failing.answer).isCompletedExceptionally();
        assertThat(queue.size()).isZero();
    }
}
