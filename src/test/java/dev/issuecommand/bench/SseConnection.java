package dev.issuecommand.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One {@code GET /sse} response parsed from raw bytes as they are read: the HTTP head, the body (chunked or not),
 * then the SSE frames in it, each handed on with the time its last bytes were read.
 */
final class SseConnection {

    /** Receives every dispatched frame of every connection. */
    interface Frames {
        void frame(int subscriber, String event, String data, long receivedNanos);
    }

    private enum State { HEAD, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY, DONE }

    private final int subscriber;
    private final Frames frames;
    private final ByteArrayOutputStream httpLine = new ByteArrayOutputStream(128);
    private final ByteArrayOutputStream sseLine = new ByteArrayOutputStream(512);
    private State state = State.HEAD;
    private int status = -1;
    private boolean chunked;
    private long chunkLeft;
    private String event;
    private StringBuilder data;

    SseConnection(int subscriber, Frames frames) {
        this.subscriber = subscriber;
        this.frames = frames;
    }

    /** The HTTP status of the response, -1 before its status line arrived. */
    int status() {
        return status;
    }

    void read(ByteBuffer bytes, long receivedNanos) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (state == State.BODY || state == State.CHUNK_DATA) {
                body(b, receivedNanos);
                if (state == State.CHUNK_DATA && --chunkLeft == 0) {
                    state = State.CHUNK_END;
                }
            } else if (b != '\n') {
                httpLine.write(b);
            } else {
                String line = httpLine.toString(StandardCharsets.ISO_8859_1).strip();
                httpLine.reset();
                http(line);
            }
        }
    }

    private void http(String line) {
        switch (state) {
            case HEAD -> {
                if (status < 0) {
                    status = Integer.parseInt(line.substring(9, 12));
                } else if (line.isEmpty()) {
                    state = chunked ? State.CHUNK_SIZE : State.BODY;
                } else if (line.toLowerCase().matches("transfer-encoding:\\s*chunked")) {
                    chunked = true;
                }
            }
            case CHUNK_SIZE -> {
                chunkLeft = Long.parseLong(line.split(";")[0].strip(), 16);
                state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            default -> {
            }
        }
    }

    private void body(byte b, long receivedNanos) {
        if (b != '\n') {
            sseLine.write(b);
            return;
        }
        String line = sseLine.toString(StandardCharsets.UTF_8);
        sseLine.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            if (data != null) {
                frames.frame(subscriber, event == null ? "message" : event, data.toString(), receivedNanos);
            }
            event = null;
            data = null;
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            event = value;
        } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
    }
}
