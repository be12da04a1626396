package dev.issuecommand.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.issuecommand.it.support.ArquillianDeployments;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The persistence layer's transactions inside the real container (Arquillian, managed Liberty): the built WAR
 * plus this test, with {@link Database} injected by CDI.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseTransactionsIT {

    @Inject
    Database database;

    @Inject
    RuntimeCounters counters;

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.warWith(DatabaseTransactionsIT.class);
    }

    @Test
    void readThenWriteTransactionsFromManyThreadsLoseNoUpdate() throws Exception {
        String name = "arquillian_counter_" + System.nanoTime();
        database.write(em -> {
            counters.set(em, name, "0");
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    database.write(em -> {
                        long value = Long.parseLong(counters.get(em, name).orElseThrow());
                        counters.set(em, name, String.valueOf(value + 1));
                        return null;
                    });
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals("200", database.read(em -> counters.get(em, name).orElseThrow()));
    }

    @Test
    void aFailingTransactionLeavesNothingBehind() {
        String name = "arquillian_rollback_" + System.nanoTime();
        assertThrows(IllegalStateException.class, () -> database.write(em -> {
            counters.set(em, name, "written");
            throw new IllegalStateException("fail after the write");
        }));
        assertEquals(java.util.Optional.empty(), database.read(em -> counters.get(em, name)));
    }
}
