package dev.issuecommand.launcher.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start lock against a real second process: a lock held by one thread stays held while others ask for it. */
class ServerLocksTest {

    private static final String OTHER_PROCESS = """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            public class LockProbe {
                public static void main(String[] args) throws Exception {
                    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                        System.out.print(channel.tryLock() == null ? "held" : "free");
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSecondThreadAskingForTheStartLockDoesNotFreeItForOtherProcesses() throws Exception {
        ServerLocks locks = new ServerLocks(freePort());
        try (ServerLocks.Held held = locks.start(Duration.ofSeconds(1))) {
            assertThat(seenByAnotherProcess(locks.startFile())).isEqualTo("held");

            CompletableFuture<Void> otherThread = CompletableFuture.runAsync(() -> {
                try {
                    locks.start(Duration.ofMillis(300)).close();
                } catch (IOException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            assertThatThrownBy(() -> otherThread.get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("another process has held");

            assertThat(seenByAnotherProcess(locks.startFile()))
                    .as("the other thread's failed attempts must not drop this process's lock").isEqualTo("held");
        }
        assertThat(seenByAnotherProcess(locks.startFile())).isEqualTo("free");
        locks.start(Duration.ofSeconds(1)).close();
    }

    private String seenByAnotherProcess(Path lockFile) throws Exception {
        Path source = dir.resolve("LockProbe.java");
        Files.writeString(source, OTHER_PROCESS);
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(), lockFile.toString()).redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
