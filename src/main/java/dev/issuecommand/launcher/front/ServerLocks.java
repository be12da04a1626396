package dev.issuecommand.launcher.front;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The two OS file locks that keep one IssueCommand server per port on this machine, in the temporary folder:
 * {@code issuecommand-<user>-<port>.server.lock} is held by a server started through the launcher for its whole
 * life (the OS frees it when the process ends, even after {@code kill -9}); {@code ….start.lock} is held for a moment
 * by whoever decides whether a server must be started, so that two fronts starting at once start one server.
 *
 * <p>These are POSIX record locks, which belong to the process and are dropped when the process closes <em>any</em>
 * descriptor of the file. So each file is opened once per process and its channel never closed: a second thread
 * asking for a lock this process holds gets "held" without closing anything, and releasing means
 * {@link FileLock#release()}, never closing the channel.
 */
final class ServerLocks {

    private static final Map<Path, FileChannel> CHANNELS = new HashMap<>();

    private final Path start;
    private final Path server;

    ServerLocks(int port) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        String prefix = "issuecommand-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_")
                + "-" + port;
        this.start = dir.resolve(prefix + ".start.lock");
        this.server = dir.resolve(prefix + ".server.lock");
    }

    /** Waits up to {@code limit} for the start lock; the caller closes it when its decision is carried out. */
    Held start(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Held held = tryLock(start);
            if (held != null) {
                return held;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another process has held " + start + " for " + limit.toSeconds() + " s");
            }
            pause();
        }
    }

    /** The server lock, or null when another process holds it (a server is running or starting). */
    Held tryServer() throws IOException {
        return tryLock(server);
    }

    /** Waits up to {@code limit} for the server lock; null when it stays held. */
    Held server(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Held held = tryLock(server);
            if (held != null) {
                return held;
            }
            pause();
        }
        return null;
    }

    /** True while another process holds the server lock. */
    boolean serverHeldElsewhere() throws IOException {
        Held held = tryLock(server);
        if (held == null) {
            return true;
        }
        held.close();
        return false;
    }

    /** The start lock's file, for tests that look at the lock from another process. */
    Path startFile() {
        return start;
    }

    private static Held tryLock(Path file) throws IOException {
        try {
            FileLock lock = channel(file).tryLock();
            return lock == null ? null : new Held(lock);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static FileChannel channel(Path file) throws IOException {
        synchronized (CHANNELS) {
            FileChannel channel = CHANNELS.get(file);
            if (channel == null || !channel.isOpen()) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                CHANNELS.put(file, channel);
            }
            return channel;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A lock this process holds; closing it frees the lock (its file stays open for the next one). */
    static final class Held implements AutoCloseable {

        private final FileLock lock;

        Held(FileLock lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                // the lock goes with the process at the latest; nothing is lost
            }
        }
    }
}
