package dev.issuecommand.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process: {@code VmRSS} from {@code /proc/<pid>/status}. */
final class Rss {

    private Rss() {
    }

    /** VmRSS of {@code pid} in kilobytes; -1 when the process is gone or the line is missing. */
    static long kilobytes(long pid) {
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
