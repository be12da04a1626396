package dev.issuecommand.mirror.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Postgres;
import dev.issuecommand.mirror.entity.MirroredClaim;
import dev.issuecommand.mirror.entity.OutboxRow;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.RuntimeCounters;
import dev.issuecommand.store.TestDatabase;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real SQLite file and a real PostgreSQL database: one row per claim, coalesced changes, leases, parking and clean-up. */
class MirrorOutboxTest {

    private static final long NOW = 1_000_000;

    @TempDir
    Path dir;

    private Database database;
    private final MirrorOutbox outbox = new MirrorOutbox();

    /** Opens a new database of {@code store}: a SQLite file, or a database on the tests' embedded PostgreSQL. */
    private void open(String store) {
        Map<String, String> settings = new HashMap<>(Map.of("GITHUB_CLAIM_MIRROR", "both"));
        if (store.equals("postgresql")) {
            settings.put("DATABASE_URL", Postgres.newDatabaseUrl());
        }
        database = TestDatabase.open(dir.resolve("mirror.db"), settings);
        outbox.settings = TestDatabase.settings(database);
        outbox.counters = new RuntimeCounters();
    }

    @AfterEach
    void close() {
        if (database != null) {
            TestDatabase.close(database);
        }
    }

    private static MirroredClaim claim(String status, boolean active) {
        return new MirroredClaim("c-1", "agent-7", "acme/widgets", 4, status, null, active);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBurstOfChangesIsOneRowSentOnceAtItsLatestState(String store) {
        open(store);
        record(claim("claimed", true));
        record(claim("claimed", true)); // a heartbeat: nothing GitHub shows
        record(claim("in_progress", true));
        record(claim("stale", true));
        record(claim("in_progress", true));

        assertThat(due()).containsExactly("c-1");
        OutboxRow row = lease("sender-a", NOW).orElseThrow();
        assertThat(row.claim().status()).isEqualTo("in_progress");
        assertThat(row.version()).isEqualTo(4);
        sent("sender-a", row, new Progress(55L, true));
        assertThat(due()).isEmpty();
        assertThat(counts()).containsExactly(0, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aChangeDuringSendingIsSentNextWithTheKnownComment(String store) {
        open(store);
        record(claim("claimed", true));
        OutboxRow row = lease("sender-a", NOW).orElseThrow();
        record(claim("in_progress", true));
        sent("sender-a", row, new Progress(55L, true));
        OutboxRow next = lease("sender-a", NOW).orElseThrow();
        assertThat(next.claim().status()).isEqualTo("in_progress");
        assertThat(next.commentId()).isEqualTo(55L);
        assertThat(next.labelOn()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aLeasedRowIsNobodyElsesUntilTheLeaseRunsOut(String store) {
        open(store);
        record(claim("claimed", true));
        assertThat(lease("sender-a", NOW)).isPresent();
        assertThat(lease("sender-b", NOW + 1)).isEmpty();
        assertThat(renew("sender-b", NOW + 20_000)).isFalse();
        assertThat(lease("sender-b", NOW + MirrorWorker.LEASE_MS + 1)).as("sender-a died").isPresent();
        assertThat(renew("sender-a", NOW + 40_000)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theEndedClaimsRowGoesOnceSent(String store) {
        open(store);
        record(claim("claimed", true));
        OutboxRow first = lease("sender-a", NOW).orElseThrow();
        sent("sender-a", first, new Progress(55L, true));
        record(claim("released", false));
        OutboxRow last = lease("sender-a", NOW).orElseThrow();
        sent("sender-a", last, new Progress(55L, false));
        record(claim("released", false));
        assertThat(due()).as("no row comes back for an ended claim").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFailureWaitsItsTurnAndAParkedRowIsNotSent(String store) {
        open(store);
        record(claim("claimed", true));
        lease("sender-a", NOW).orElseThrow();
        write(em -> {
            outbox.failed(em, "c-1", "sender-a", new Progress(55L, null), 1, NOW + 5_000, "GitHub answered 502", NOW);
            return null;
        });
        assertThat(counts()).containsExactly(1, 1, 0);
        assertThat(lease("sender-a", NOW + 4_999)).isEmpty();
        OutboxRow again = lease("sender-a", NOW + 5_000).orElseThrow();
        assertThat(again.commentId()).as("kept from the failed attempt").isEqualTo(55L);
        assertThat(again.attempts()).isEqualTo(1);

        write(em -> {
            outbox.park(em, "c-1", "sender-a", new Progress(55L, null), "GitHub answered 403", NOW);
            return null;
        });
        assertThat(counts()).containsExactly(0, 0, 1);
        record(claim("in_progress", true));
        assertThat(due()).isEmpty();
        record(claim("released", false));
        assertThat(counts()).as("gone with its claim").containsExactly(0, 0, 0);
    }

    private void record(MirroredClaim claim) {
        write(em -> {
            outbox.record(em, claim, NOW);
            return null;
        });
    }

    private List<String> due() {
        return database.read(em -> outbox.due(em, NOW + 1_000_000, 10));
    }

    private long[] counts() {
        return database.read(outbox::counts);
    }

    private Optional<OutboxRow> lease(String owner, long now) {
        return write(em -> outbox.lease(em, "c-1", owner, now, now + MirrorWorker.LEASE_MS));
    }

    private void sent(String owner, OutboxRow row, Progress progress) {
        write(em -> {
            outbox.sent(em, "c-1", owner, row.version(), progress, NOW);
            return null;
        });
    }

    private boolean renew(String owner, long until) {
        return write(em -> outbox.renew(em, "c-1", owner, until));
    }

    private <T> T write(Function<EntityManager, T> work) {
        return database.write(work);
    }
}
