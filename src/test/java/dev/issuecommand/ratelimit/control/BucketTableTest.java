package dev.issuecommand.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bucket tables take all-or-none and stay bounded. */
class BucketTableTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void takesFromEveryBucketOrFromNone() {
        BucketTable table = new BucketTable(1, 60, 100);
        assertThat(table.tryTake(List.of("principal:p", "agent:a"), 0)).isZero();
        assertThat(table.tryTake(List.of("principal:p", "agent:b"), 0)).as("the principal is empty").isPositive();
        assertThat(table.tryTake(List.of("principal:q", "agent:b"), 0))
                .as("agent b kept its token when the pair was refused").isZero();
        assertThat(table.tryTake(List.of("principal:r", "agent:a"), SECOND / 4)).isEqualTo(3 * SECOND / 4);
    }

    @Test
    void staysBoundedAndForgetsIdleBuckets() {
        BucketTable table = new BucketTable(2, 60, 50);
        for (int i = 0; i < 500; i++) {
            table.tryTake(List.of("ip-" + i), 0);
        }
        assertThat(table.size()).isEqualTo(50);
        table.tryTake(List.of("fresh"), 10 * SECOND);
        assertThat(table.size()).as("refilled buckets are pruned as the table is used").isLessThan(50);
    }
}
