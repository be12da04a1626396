package dev.issuecommand.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.issuecommand.it.support.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code DATABASE_URL} that cannot be used stops the runnable jar at start with one clear line and exit code 1;
 * the line names the database's host and never its password (docs/behaviour.md §12).
 */
class PostgresStartupIT {

    private static final String PASSWORD = "SeCrEt";

    @TempDir
    Path dir;

    /** Starts the jar with {@code settings}; it must exit by itself, unready. Returns its stderr. */
    private String failedStart(Map<String, String> settings) throws Exception {
        ServerProcess server = ServerProcess.create(null, dir.resolve("unused.db"), settings);
        assertThatThrownBy(server::start).hasMessageStartingWith("server exited with");
        assertThat(server.stop()).as(server.stderrText()).isEqualTo(1);
        assertThat(server.stdoutText()).isEmpty();
        return server.stderrText();
    }

    private static List<String> fatalLines(String stderr) {
        return stderr.lines().filter(line -> line.contains("\"FATAL\"")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://u:SeCrEt@127.0.0.1:%d/db",
        "jdbc:postgresql://127.0.0.1:%d/db?user=u&password=SeCrEt", "postgresql://u@127.0.0.1:%d/db"})
    void anUnreachableDatabaseIsNamedByItsHostWithoutThePassword(String url) throws Exception {
        String closed = url.formatted(ServerProcess.freePort());
        String stderr = failedStart(Map.of("DATABASE_URL", closed, "DATABASE_PASSWORD", PASSWORD));
        assertThat(fatalLines(stderr)).as(stderr).singleElement().asString().contains("127.0.0.1");
        assertThat(stderr).doesNotContain(PASSWORD);
    }

    @Test
    void aUrlThatIsNoUrlNamesTheSetting() throws Exception {
        String stderr = failedStart(Map.of("DATABASE_URL", "not a url"));
        assertThat(fatalLines(stderr)).as(stderr).singleElement().asString().contains("DATABASE_URL");
    }
}
