package dev.issuecommand.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one operation on N keep-alive connections for a warm-up and a measured period; keeps every latency. */
final class Load {

    private static final String LOAD_BEFORE = String.format(Locale.ROOT, "%.2f", loadAverage()[0]);

    /** One request on connection {@code c}, its {@code i}-th; returns the HTTP status. */
    interface Operation {
        int run(KeepAliveClient client, int c, long i) throws IOException;
    }

    /** Throughput and latency percentiles of the measured period, and the count of unexpected answers. */
    record Result(long requests, double seconds, long errors, long[] latenciesNanos) {
        String perSecond() {
            return String.format(Locale.ROOT, "%,.0f/s (%d req, %d errors)", requests / seconds, requests, errors);
        }

        String p50() {
            return percentile(latenciesNanos, 0.50);
        }

        String p99() {
            return percentile(latenciesNanos, 0.99);
        }
    }

    /** The {@code p} percentile of sorted nanosecond latencies, in milliseconds with one decimal; "-" if none. */
    static String percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return "-";
        }
        long nanos = sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)];
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private Load() {
    }

    static Result run(BenchServer server, int connections, int warmupSeconds, int seconds, Operation op) throws Exception {
        return run(List.of(server), connections, warmupSeconds, seconds, op);
    }

    /** As {@link #run(BenchServer, int, int, int, Operation)}, connection {@code c} going to server {@code c % n}. */
    static Result run(List<BenchServer> servers, int connections, int warmupSeconds, int seconds, Operation op)
            throws Exception {
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (KeepAliveClient client = servers.get(connection % servers.size()).client()) {
                    for (long i = 0; ; i++) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = op.run(client, connection, i);
                        } catch (IOException e) {
                            status = 599;
                        }
                        long took = System.nanoTime() - start;
                        sequence.incrementAndGet();
                        if (start >= warmupEnd) {
                            if (status >= 300) {
                                errors.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        }
                    }
                } finally {
                    latencies[connection] = mine;
                    counts[connection] = n;
                    done.countDown();
                }
            }, "bench-" + c);
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, seconds, errors.get(), all);
    }

    static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {-1, -1, -1};
        }
    }

    static String loadBefore() {
        return LOAD_BEFORE;
    }
}
