package dev.issuecommand.mcp.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio transport (newline-delimited JSON-RPC) over the given streams, watched for what the lifecycle of
 * SPEC §1 depends on: whether a client completed {@code initialize}, and when the input ended (end of stream, a read
 * error, or a line the SDK cannot read, after which it stops reading and closes the session). {@code onEnd} is
 * called once, with whether a session had been initialized.
 * <p>
 * The SDK stops writing as soon as it sees the end of stdin, so a client that sends a request and closes stdin at
 * once would never get the answer. When a session is open, the end of input is therefore held back until the tool
 * calls already received are answered and written (at most {@link #DRAIN_LIMIT_MS} ms).
 */
public final class StdioChannel implements McpServerTransportProvider {

    static final long DRAIN_LIMIT_MS = 30_000;

    private final StdioServerTransportProvider delegate;
    private final Runnable onInitialized;
    private final Consumer<Boolean> onEnd;
    private final AtomicBoolean initialized = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();

    public StdioChannel(McpJsonMapper json, InputStream in, OutputStream out, Runnable onInitialized,
            Consumer<Boolean> onEnd) {
        this.delegate = new StdioServerTransportProvider(json, new DrainingInput(in), new CountingOutput(out));
        this.onInitialized = onInitialized;
        this.onEnd = onEnd;
    }

    /** True once the server has answered a client's {@code initialize}. */
    public boolean initialized() {
        return initialized.get();
    }

    /** {@code tool} with its calls counted, so that the end of input waits for them. */
    public SyncToolSpecification counted(SyncToolSpecification tool) {
        return new SyncToolSpecification(tool.tool(), (exchange, request) -> {
            running.incrementAndGet();
            try {
                return tool.callHandler().apply(exchange, request);
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        delegate.setSessionFactory(transport -> sessionFactory.create(new WatchedTransport(transport)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.accept(initialized.get());
        }
    }

    /** Waits until the calls received so far are answered and their answers written. */
    private void drain() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_LIMIT_MS);
        pause(200);
        while (running.get() > 0 && System.nanoTime() < deadline) {
            pause(20);
        }
        pause(100);
        while (written.get() < queued.get() && System.nanoTime() < deadline) {
            pause(20);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The session's transport, noticing the {@code initialize} answer, every message queued, and the close. */
    private final class WatchedTransport implements McpServerTransport {

        private final McpServerTransport transport;

        WatchedTransport(McpServerTransport transport) {
            this.transport = transport;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            queued.incrementAndGet();
            Mono<Void> sent = transport.sendMessage(message);
            if (message instanceof McpSchema.JSONRPCResponse response
                    && response.result() instanceof McpSchema.InitializeResult
                    && initialized.compareAndSet(false, true)) {
                return sent.doOnSuccess(done -> onInitialized.run());
            }
            return sent;
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully();
        }

        @Override
        public void close() {
            transport.close();
            end();
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }

    /** stdin, holding back its end while a session has calls in flight. */
    private final class DrainingInput extends FilterInputStream {

        DrainingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return drainedAtEnd(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return drainedAtEnd(super.read(buffer, offset, length));
        }

        private int drainedAtEnd(int result) {
            if (result < 0 && initialized.get()) {
                drain();
            }
            return result;
        }
    }

    /** stdout, counting the messages written (the SDK flushes once per message). */
    private final class CountingOutput extends FilterOutputStream {

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            super.flush();
            written.incrementAndGet();
        }
    }
}
