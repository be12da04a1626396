package dev.issuecommand.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** CPU-bound busy loops ({@code sh -c 'while :; do :; done'}) running beside a measurement until closed. */
final class CpuHogs implements AutoCloseable {

    private final List<Process> loops;

    private CpuHogs(List<Process> loops) {
        this.loops = loops;
    }

    static CpuHogs start(int count) throws IOException {
        List<Process> loops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            loops.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
        return new CpuHogs(loops);
    }

    int count() {
        return loops.size();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process loop : loops) {
            loop.destroyForcibly();
        }
        for (Process loop : loops) {
            loop.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
