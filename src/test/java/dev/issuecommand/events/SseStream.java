package dev.issuecommand.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * A real SSE client for the tests: {@code GET /sse} over HTTP/1.1 with the JDK HttpClient, the body parsed line by
 * line (without a thread of its own) into frames as the SSE format defines them.
 */
public final class SseStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One dispatched frame: its own {@code id:} line (null without one), its type, its data, and System.nanoTime()
     * when its closing blank line arrived.
     */
    public record Frame(String id, String event, String data, long receivedAtNanos) {

        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private final Parser parser = new Parser();
    private volatile boolean ended;

    private SseStream(HttpClient client, HttpRequest request) {
        response = client.sendAsync(request, info -> {
            head.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(parser);
        });
        response.whenComplete((done, failure) -> {
            if (failure != null) {
                head.completeExceptionally(failure);
            }
        });
    }

    /** Opens the stream at {@code base} with {@code apiKey}, plus extra request headers. */
    public static SseStream open(HttpClient client, String base, String apiKey, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + apiKey);
        return openAt(client, base + "/sse", all);
    }

    /** Opens the event stream at {@code url} with {@code headers} (credentials included). */
    public static SseStream openAt(HttpClient client, String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseStream(client, request.build());
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Status and headers of the response, once they arrived. */
    public HttpResponse.ResponseInfo response(Duration timeout) throws Exception {
        return head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next frame, whatever its type; fails after {@code timeout}. */
    public Frame next(Duration timeout) throws InterruptedException, TimeoutException {
        Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new TimeoutException("no SSE frame within " + timeout);
        }
        return frame;
    }

    /** The next frame that is not a ping. */
    public Frame nextEvent(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!"ping".equals(frame.event())) {
                return frame;
            }
        }
    }

    /**
     * The next frame that is a ping or about {@code repo}, other repositories' events skipped: what a test sees of
     * the stream of a server other test classes use too.
     */
    public Frame nextFor(String repo, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if ("ping".equals(frame.event()) || repo.equals(frame.json().path("repo").asText())) {
                return frame;
            }
        }
    }

    /** The next event about {@code repo}: pings and other repositories' events skipped. */
    public Frame nextEventFor(String repo, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = nextFor(repo, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (!"ping".equals(frame.event())) {
                return frame;
            }
        }
    }

    /** Frames until (and including) the first matching {@code until}. */
    public List<Frame> until(Predicate<Frame> until, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame> seen = new ArrayList<>();
        while (true) {
            Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            seen.add(frame);
            if (until.test(frame)) {
                return seen;
            }
        }
    }

    /** Frames that arrived so far and were not taken yet. */
    public List<Frame> drain() {
        List<Frame> rest = new ArrayList<>();
        frames.drainTo(rest);
        return rest;
    }

    /** True once the server ended the stream (or the connection failed). */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        parser.cancel();
        response.cancel(true);
    }

    /** Parses lines into frames (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation). */
    private final class Parser implements Flow.Subscriber<String> {

        private volatile Flow.Subscription subscription;
        private String id;
        private String event;
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data != null) {
                    frames.add(new Frame(id, event == null ? "message" : event, data.toString(), System.nanoTime()));
                }
                id = null;
                event = null;
                data = null;
                return;
            }
            if (line.startsWith(":")) {
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }

        void cancel() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }
}
