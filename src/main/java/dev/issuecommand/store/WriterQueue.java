package dev.issuecommand.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock ({@code <database>.writers}) that write transactions of every process sharing the
 * database take before SQLite's own write lock. A blocked {@code fcntl} waiter is woken as soon as the lock is
 * released, where SQLite's busy handler sleeps up to 100 ms between polls and can lose to another process's
 * writers for longer than any timeout. Callers hold the process-local writer lock, so one thread at a time uses
 * the channel; a channel closed by an interrupted thread is reopened.
 */
final class WriterQueue implements AutoCloseable {

    private final Path file;
    private FileChannel channel;

    /** The held lock; closing it lets the next writer, of any process, in. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private WriterQueue(Path file) {
        this.file = file;
    }

    static WriterQueue beside(Path database) {
        return new WriterQueue(database.resolveSibling(database.getFileName() + ".writers"));
    }

    /** Blocks until this process's writer holds the lock. Must be called with the local writer lock held. */
    Turn await() {
        try {
            if (channel == null || !channel.isOpen()) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            FileLock lock = channel.lock();
            return () -> {
                try {
                    lock.release();
                } catch (IOException e) {
                    // the channel is gone, and the lock with it
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing at shutdown
        }
    }
}
