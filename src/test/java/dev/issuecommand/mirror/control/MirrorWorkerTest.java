package dev.issuecommand.mirror.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.config.settings.ClaimMirrorSettings;
import dev.issuecommand.github.GitHubUnavailableException;
import dev.issuecommand.mirror.entity.MirrorSendObserved;
import dev.issuecommand.mirror.entity.MirroredClaim;
import dev.issuecommand.mirror.entity.OutboxRow;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.TestDatabase;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process's sending rounds on a real SQLite file, GitHub's answers scripted: back-off, rate limit, parking. */
class MirrorWorkerTest {

    private static final long START = 1_000_000;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(START);
    private final ScriptedSend send = new ScriptedSend();
    private final List<String> outcomes = new ArrayList<>();
    private final MirrorWorker worker = new MirrorWorker();
    private final MirrorOutbox outbox = new MirrorOutbox();
    private Database database;

    @BeforeEach
    void open() {
        database = TestDatabase.open(dir.resolve("worker.db"), Map.of("GITHUB_CLAIM_MIRROR", "both"));
        outbox.settings = TestDatabase.settings(database);
        outbox.counters = new RuntimeCounters();
        worker.database = database;
        worker.outbox = outbox;
        worker.settings = outbox.settings;
        worker.send = send;
        worker.clock = new MovableClock(now);
        worker.sends = new Outcomes(outcomes);
    }

    @AfterEach
    void close() {
        TestDatabase.close(database);
    }

    @Test
    void aFailedRowWaitsItsBackOffAndIsSentAfterIt() {
        claim("c-1");
        send.answers.add(() -> {
            throw new GitHubUnavailableException("GitHub answered 502", 502);
        });
        worker.round();
        assertThat(counts()).as("pending, failing, parked").containsExactly(1, 1, 0);

        now.set(START + Backoff.FIRST_MS - 1);
        worker.round();
        assertThat(send.sent).as("not before its back-off").containsExactly("c-1");

        now.set(START + Backoff.FIRST_MS);
        worker.round();
        assertThat(send.sent).containsExactly("c-1", "c-1");
        assertThat(counts()).containsExactly(0, 0, 0);
        assertThat(outcomes).containsExactly("failed", "sent");
    }

    @Test
    void aRateLimitEndsTheRoundAndIsWaitedOut() {
        claim("c-1");
        claim("c-2");
        send.answers.add(() -> {
            throw new GitHubUnavailableException("GitHub rate limit reached", 503, 60);
        });
        worker.round();
        assertThat(send.sent).as("the other row is not tried").hasSize(1);

        now.set(START + 59_999);
        worker.round();
        assertThat(send.sent).as("the limited row waits out Retry-After").hasSize(2);
        now.set(START + 60_000);
        worker.round();
        assertThat(send.sent).hasSize(3);
        assertThat(counts()).containsExactly(0, 0, 0);
    }

    @Test
    void aRefusedRepositoryIsParkedAndNotTriedAgain() {
        claim("c-1");
        send.answers.add(() -> {
            throw new NotWritable(403);
        });
        worker.round();
        assertThat(counts()).containsExactly(0, 0, 1);

        record(new MirroredClaim("c-1", "agent-7", "acme/widgets", 1, "in_progress", null, true));
        now.set(START + Backoff.MAX_MS);
        worker.round();
        assertThat(send.sent).containsExactly("c-1");
        assertThat(outcomes).containsExactly("parked");
        String lastError = database.read(em -> new RuntimeCounters().get(em, MirrorOutbox.LAST_ERROR)).orElseThrow();
        assertThat(lastError).contains("acme/widgets").contains("403");
    }

    private void claim(String claimId) {
        record(new MirroredClaim(claimId, "agent-7", "acme/widgets", claimId.hashCode() & 0xff, "claimed", null, true));
    }

    private void record(MirroredClaim claim) {
        database.write(em -> {
            outbox.record(em, claim, now.get());
            return null;
        });
    }

    private long[] counts() {
        return database.read(outbox::counts);
    }

    /** GitHub's side: each send runs the next scripted answer, or succeeds when none is left. */
    static final class ScriptedSend extends MirrorSend {

        final Deque<Runnable> answers = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();

        @Override
        void send(OutboxRow row, ClaimMirrorSettings mirror, Progress progress, boolean otherActive,
                Supplier<Boolean> keepLease) {
            sent.add(row.claim().claimId());
            Runnable answer = answers.poll();
            if (answer != null) {
                answer.run();
            }
        }
    }

    /** The outcomes the worker announces to the metrics. */
    record Outcomes(List<String> fired) implements Event<MirrorSendObserved> {

        @Override
        public void fire(MirrorSendObserved event) {
            fired.add(event.outcome());
        }

        @Override
        public <U extends MirrorSendObserved> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends MirrorSendObserved> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<MirrorSendObserved> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends MirrorSendObserved> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends MirrorSendObserved> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private final AtomicLong millis;

        MovableClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
