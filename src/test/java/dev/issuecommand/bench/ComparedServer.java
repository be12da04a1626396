package dev.issuecommand.bench;

import dev.issuecommand.it.support.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another server measured in the same run ({@code BENCH_COMPARE}, a shell command such as the original
 * implementation's {@code cd /path/to/original && bun run start}, or an older jar's {@code java -jar old.jar}): it
 * gets the same settings (port, SQLite file, fake GitHub, API key) through the environment and the same rows as
 * this server's start, claims, mutations, webhooks and reads, so that ratios come from one machine in one run.
 */
final class ComparedServer {

    private static final Pattern NUMBER = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)");

    private ComparedServer() {
    }

    /** The other server's results by row label. */
    static Map<String, String> measure(FakeGitHub github, Path work, Map<String, String> settings, String command)
            throws Exception {
        Path folder = Files.createDirectories(work.resolve("compared"));
        Map<String, String> results = new LinkedHashMap<>();
        BenchServer server = BenchServer.start(github, folder.resolve("bench.db"), settings,
                List.of("sh", "-c", command));
        try {
            results.put(Benchmark.FIRST_START, server.readyMillis() + " ms");
            for (List<String[]> rows : List.of(Benchmark.firstClaims(server), Benchmark.mutations(server),
                    Benchmark.webhooks(server), Benchmark.reads(server), Benchmark.readScaling(server))) {
                rows.forEach(row -> results.put(row[0], row[1]));
            }
            results.put(Benchmark.RSS, server.rssMegabytes() + " MB");
        } finally {
            server.stop();
        }
        return results;
    }

    /** This result divided by the other one (their first numbers), e.g. "0.62×"; "-" when either has none. */
    static String ratio(String mine, String other) {
        Double a = firstNumber(mine);
        Double b = firstNumber(other);
        if (a == null || b == null || b == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private static Double firstNumber(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? Double.valueOf(matcher.group(1).replace(",", "")) : null;
    }
}
