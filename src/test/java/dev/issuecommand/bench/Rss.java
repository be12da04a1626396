package dev.issuecommand.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident set size of a process: {@code VmRSS} from {@code /proc/<pid>/status}, with its descendants' (a plain
 * {@code java -jar} runs the server in a child JVM, and the waiting launcher's memory counts too).
 */
final class Rss {

    private Rss() {
    }

    /** VmRSS of {@code pid} and of all its descendants in kilobytes; -1 when the process is gone. */
    static long kilobytes(long pid) {
        long own = ownKilobytes(pid);
        if (own < 0) {
            return -1;
        }
        return own + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> Math.max(0, ownKilobytes(child.pid()))).sum();
    }

    /** VmRSS of {@code pid} alone in kilobytes; -1 when the process is gone or the line is missing. */
    static long ownKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Kilobytes as whole megabytes, "?" for an unknown size. */
    static String megabytes(long kilobytes) {
        return kilobytes < 0 ? "?" : (kilobytes / 1024) + " MB";
    }
}
