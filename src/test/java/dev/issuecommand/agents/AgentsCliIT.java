package dev.issuecommand.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.issuecommand.it.support.Api;
import dev.issuecommand.it.support.FakeGitHub;
import dev.issuecommand.it.support.Postgres;
import dev.issuecommand.it.support.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar issuecommand.jar agents add|list|revoke} run as an operator runs it, on the database alone
 * (docs/behaviour.md §14): a key it issues on a fresh SQLite file works in a server started later on that file, a key
 * it issues or revokes while the server runs counts at once, and PostgreSQL works the same.
 */
class AgentsCliIT {

    private static final String KEY_SHAPE = "icak_[0-9a-f]{12}_[A-Za-z0-9_-]{43}";

    @TempDir
    Path dir;

    @Test
    void aKeyIssuedWithoutAServerWorksInItAndARevokeWhileItRunsCountsAtOnce() throws Exception {
        Path db = dir.resolve("data/issuecommand.db");
        Map<String, String> env = Map.of("SQLITE_PATH", db.toString());
        Run add = cli(env, "add", "bot-1", "--repo", "acme/widgets");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).matches(KEY_SHAPE + "\\R");
        String key = add.out().strip();
        assertThat(add.err()).contains("Issued a key for agent bot-1: prefix " + key.substring(0, 17))
                .doesNotContain(key);
        assertThat(db).exists();

        Run list = cli(env, "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("bot-1").contains(key.substring(0, 17)).contains("acme/widgets")
                .doesNotContain(key);

        try (FakeGitHub github = new FakeGitHub();
                ServerProcess server = ServerProcess.create(github, db, Map.of()).start()) {
            Api api = server.api();
            assertThat(api.send("GET", "/api/claims", null, key).status()).isEqualTo(200);
            Api.Answer mismatch = api.send("POST", "/api/claims",
                    Map.of("agent_id", "bot-2", "repo", "acme/widgets", "issue_number", 1), key);
            assertThat(mismatch.status()).as(mismatch.text()).isEqualTo(403);
            assertThat(mismatch.json().path("error").asText()).isEqualTo("agent_mismatch");

            Run second = cli(env, "add", "bot-2");
            String secondKey = second.out().strip();
            assertThat(api.send("GET", "/api/claims", null, secondKey).status()).isEqualTo(200);

            Run revoke = cli(env, "revoke", "bot-1");
            assertThat(revoke.code()).as(revoke.err()).isZero();
            Api.Answer refused = api.send("GET", "/api/claims", null, key);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(cli(env, "revoke", "bot-1").err()).contains("agent bot-1 has no key");

            List<String> agents = api.get("/api/admin/agents").json().path("agents").findValuesAsText("agent_id");
            assertThat(agents).containsExactly("bot-2");
            assertThat(server.stderrText() + revoke.err() + second.err()).doesNotContain(key).doesNotContain(secondKey);
        }
    }

    @Test
    void usageErrorsExitWithTwoAndPrintNothingOnStdout() throws Exception {
        Run usage = cli(Map.of("SQLITE_PATH", dir.resolve("issuecommand.db").toString()), "add", "--rotate");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).contains("agents add needs an <agent_id>").contains("Usage:");
    }

    /** The database comes from ./.env and the password from DATABASE_PASSWORD_FILE, as the server reads them. */
    @Test
    void onPostgresqlAddAndListWorkOnAFreshDatabase() throws Exception {
        String url = Postgres.newDatabaseUrl().replace(":" + Postgres.password() + "@", "@");
        Path work = Files.createDirectories(dir.resolve("cli"));
        Files.writeString(work.resolve(".env"), "DATABASE_URL=" + url + "\n");
        Path password = Files.writeString(dir.resolve("db-password"), Postgres.password() + "\n");
        Map<String, String> env = Map.of("DATABASE_PASSWORD_FILE", password.toString());
        Run add = cli(env, "add", "bot-pg", "--expires", "2999-01-31T00:00:00Z");
        assertThat(add.code()).as(add.err()).isZero();
        String key = add.out().strip();
        assertThat(key).matches(KEY_SHAPE);
        Run list = cli(env, "list");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("bot-pg").contains(key.substring(0, 17)).contains("2999-01-31T00:00:00.000Z")
                .doesNotContain(key);
        assertThat(add.err() + list.out() + list.err()).doesNotContain(Postgres.password());
    }

    /** Runs {@code java -jar issuecommand.jar agents <args>} in the test's folder with {@code env}, no API_KEY. */
    private Run cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("cli"));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        List<String> command = new java.util.ArrayList<>(List.of(ServerProcess.javaBin(), "-jar",
                ServerProcess.jar().toString(), "agents"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(name -> name.equals("API_KEY") || name.equals("GITHUB_TOKEN")
                || name.startsWith("DATABASE_") || name.startsWith("SQLITE_"));
        builder.environment().putAll(env);
        builder.environment().put("WLP_JAR_EXTRACT_ROOT",
                Files.createDirectories(Path.of("target", "wlp-extract").toAbsolutePath()).toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("agents " + String.join(" ", args) + " did not end: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(int code, String out, String err) {
    }
}
