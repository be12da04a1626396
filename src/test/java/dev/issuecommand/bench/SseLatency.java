package dev.issuecommand.bench;

import dev.issuecommand.it.support.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSE fan-out latency: {@value #SUBSCRIBERS} raw-socket subscribers on {@code GET /sse}, all read by one selector
 * thread; once each has its {@code connected} frame, {@value #EVENTS} claims are created, one every
 * {@value #PAUSE_MILLIS} ms, and each {@code claim.created} frame is timed from sending its {@code POST /api/claims}
 * until it reached each subscriber.
 */
final class SseLatency {

    static final int SUBSCRIBERS = 500;
    static final int EVENTS = 20;
    private static final long PAUSE_MILLIS = 200;
    private static final long CONNECT_SECONDS = 60;
    private static final long DELIVERY_SECONDS = 30;
    private static final String AGENT_PREFIX = "sse-bench-";
    private static final Pattern AGENT = Pattern.compile("\"agent_id\":\"" + AGENT_PREFIX + "(\\d+)\"");

    private final Selector selector;
    private final List<SocketChannel> channels = new ArrayList<>();
    private final List<SseConnection> connections = new ArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(SUBSCRIBERS);
    private final CountDownLatch delivered = new CountDownLatch(SUBSCRIBERS * EVENTS);
    /** System.nanoTime() when event k reached subscriber s, Long.MIN_VALUE until then; written by the reader only. */
    private final long[][] received = new long[SUBSCRIBERS][EVENTS];
    private volatile boolean reading = true;

    private SseLatency(Selector selector) {
        this.selector = selector;
        for (long[] subscriber : received) {
            Arrays.fill(subscriber, Long.MIN_VALUE);
        }
    }

    /** Measures with claims on issues {@code firstIssue} .. {@code firstIssue + EVENTS - 1}, which must be free. */
    static String measure(BenchServer server, int firstIssue) throws Exception {
        SseLatency latency = new SseLatency(Selector.open());
        try {
            return latency.run(server, firstIssue);
        } finally {
            latency.close();
        }
    }

    private String run(BenchServer server, int firstIssue) throws Exception {
        subscribe(server.port());
        Thread reader = new Thread(this::read, "bench-sse-reader");
        reader.start();
        long[] sent = null;
        try {
            if (connected.await(CONNECT_SECONDS, TimeUnit.SECONDS)) {
                sent = trigger(server, firstIssue);
                delivered.await(DELIVERY_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            reading = false;
            selector.wakeup();
            reader.join();
        }
        return sent == null ? notConnected() : report(sent);
    }

    private void subscribe(int port) throws IOException {
        byte[] request = ("GET /sse HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                + ServerProcess.API_KEY + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int s = 0; s < SUBSCRIBERS; s++) {
            SocketChannel channel = SocketChannel.open();
            channels.add(channel);
            channel.socket().connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            SseConnection connection = new SseConnection(s, this::frame);
            connections.add(connection);
            channel.register(selector, SelectionKey.OP_READ, connection);
        }
    }

    /** The reader thread: one selector over all subscribers, each read stamped with System.nanoTime(). */
    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (reading) {
                selector.select(key -> readable(key, buffer), 100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readable(SelectionKey key, ByteBuffer buffer) {
        buffer.clear();
        int read;
        try {
            read = ((SocketChannel) key.channel()).read(buffer);
        } catch (IOException e) {
            read = -1;
        }
        long now = System.nanoTime();
        if (read < 0) {
            key.cancel();
            return;
        }
        buffer.flip();
        ((SseConnection) key.attachment()).read(buffer, now);
    }

    private void frame(int subscriber, String event, String data, long receivedNanos) {
        if (event.equals("connected")) {
            connected.countDown();
        } else if (event.equals("claim.created")) {
            Matcher agent = AGENT.matcher(data);
            if (agent.find()) {
                int k = Integer.parseInt(agent.group(1));
                if (received[subscriber][k] == Long.MIN_VALUE) {
                    received[subscriber][k] = receivedNanos;
                    delivered.countDown();
                }
            }
        }
    }

    /** Creates the claims on a schedule of one per {@value #PAUSE_MILLIS} ms; returns when each request was sent. */
    private static long[] trigger(BenchServer server, int firstIssue) throws IOException, InterruptedException {
        long[] sent = new long[EVENTS];
        try (KeepAliveClient client = server.client()) {
            long start = System.nanoTime();
            for (int k = 0; k < EVENTS; k++) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(k * PAUSE_MILLIS);
                TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                sent[k] = System.nanoTime();
                byte[] claim = Benchmark.json("{\"agent_id\":\"" + AGENT_PREFIX + k + "\",\"repo\":\"" + Benchmark.REPO
                        + "\",\"issue_number\":" + (firstIssue + k) + "}");
                KeepAliveClient.Reply reply = client.send("POST", "/api/claims", "", claim);
                if (reply.status() >= 300) {
                    System.err.println("bench: SSE trigger " + k + " answered " + reply.status() + " " + reply.text());
                }
            }
        }
        return sent;
    }

    private String report(long[] sent) {
        long[] latencies = new long[SUBSCRIBERS * EVENTS];
        int deliveries = 0;
        for (long[] subscriber : received) {
            for (int k = 0; k < EVENTS; k++) {
                if (subscriber[k] != Long.MIN_VALUE) {
                    latencies[deliveries++] = subscriber[k] - sent[k];
                }
            }
        }
        latencies = Arrays.copyOf(latencies, deliveries);
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "p50 %s / p99 %s / max %s ms (%d deliveries, %d missing)",
                Load.percentile(latencies, 0.50), Load.percentile(latencies, 0.99), Load.percentile(latencies, 1.0),
                deliveries, SUBSCRIBERS * EVENTS - deliveries);
    }

    private String notConnected() {
        long refused = connections.stream().filter(c -> c.status() >= 0 && c.status() != 200).count();
        return String.format(Locale.ROOT, "failed: %d of %d connected in %d s (%d refused)",
                SUBSCRIBERS - connected.getCount(), SUBSCRIBERS, CONNECT_SECONDS, refused);
    }

    private void close() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
        selector.close();
    }
}
