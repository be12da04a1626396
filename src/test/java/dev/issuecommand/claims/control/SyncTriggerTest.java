package dev.issuecommand.claims.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncTriggerTest {

    @Test
    void triggersDuringARunQueueExactlyOneReRun() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch firstStarted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            SyncTrigger<Integer> trigger = new SyncTrigger<>(executor, () -> {
                int run = runs.incrementAndGet();
                if (run == 1) {
                    firstStarted.countDown();
                    await(release);
                }
                return run;
            });
            CompletableFuture<Integer> first = trigger.fire();
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Integer>> overlapping = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                overlapping.add(trigger.fire());
            }
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            for (CompletableFuture<Integer> f : overlapping) {
                assertThat(f.get(10, TimeUnit.SECONDS)).as("served by the one re-run").isEqualTo(2);
            }
            assertThat(runs.get()).isEqualTo(2);
            assertThat(trigger.fire().get(10, TimeUnit.SECONDS)).as("idle again: a new trigger runs at once").isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailedRunFailsItsRequestsAndTheNextRunStillHappens() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            SyncTrigger<Integer> trigger = new SyncTrigger<>(executor, () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("GitHub down");
                }
                return runs.get();
            });
            CompletableFuture<Integer> failed = trigger.fire();
            assertThat(failed).failsWithin(10, TimeUnit.SECONDS);
            assertThat(trigger.fire().get(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
