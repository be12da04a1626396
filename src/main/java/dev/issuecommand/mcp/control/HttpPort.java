package dev.issuecommand.mcp.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether {@code HTTP_PORT} can still be bound on {@code HTTP_HOST}: another process may already listen there. */
public final class HttpPort {

    private HttpPort() {
    }

    /** Binds and releases the address at once; false when something else listens on it. */
    public static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
