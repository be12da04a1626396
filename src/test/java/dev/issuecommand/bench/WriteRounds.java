package dev.issuecommand.bench;

import dev.issuecommand.it.support.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code BENCH_ONLY=writes}: the write rows only (sequential claims after start, status mutations, then the RSS after
 * them), for this jar and
 * the {@code BENCH_COMPARE} server in turn, {@code BENCH_ROUNDS} times, the one that starts first alternating between
 * rounds, each start on a fresh database. A before/after pair of two jars in a few minutes, without the order of the
 * two servers deciding the result.
 */
final class WriteRounds {

    private WriteRounds() {
    }

    /** One row per measure and round: this server's result and the compared one's. */
    static List<String[]> measure(FakeGitHub github, Path work, Map<String, String> settings, String compareCommand,
            int rounds, Map<String, String> compared) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean oursFirst = round % 2 == 1 || compareCommand.isEmpty();
            List<String[]> ours = null;
            List<String[]> theirs = null;
            for (int turn = 0; turn < 2; turn++) {
                boolean oursNow = (turn == 0) == oursFirst;
                if (oursNow) {
                    ours = writes(github, work.resolve("writes-" + round), settings, BenchServer.command());
                } else if (!compareCommand.isEmpty()) {
                    theirs = writes(github, work.resolve("compared-writes-" + round), settings,
                            List.of("sh", "-c", compareCommand));
                }
            }
            String order = compareCommand.isEmpty() ? "" : oursFirst ? ", this jar first" : ", compared first";
            for (int r = 0; r < ours.size(); r++) {
                String label = ours.get(r)[0] + " [round " + round + order + "]";
                rows.add(new String[] {label, ours.get(r)[1], ours.get(r)[2]});
                if (theirs != null) {
                    compared.put(label, theirs.get(r)[1]);
                }
            }
        }
        return rows;
    }

    private static List<String[]> writes(FakeGitHub github, Path folder, Map<String, String> settings,
            List<String> command) throws Exception {
        Files.createDirectories(folder);
        BenchServer server = BenchServer.start(github, folder.resolve("bench.db"), settings, command);
        try {
            List<String[]> rows = new ArrayList<>(Benchmark.firstClaims(server));
            rows.addAll(Benchmark.mutations(server));
            rows.add(new String[] {"RSS after these rows (VmRSS, with child processes)", server.rssMegabytes() + " MB",
                    "-"});
            return rows;
        } finally {
            server.stop();
        }
    }
}
