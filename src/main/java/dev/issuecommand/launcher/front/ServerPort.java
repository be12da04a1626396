package dev.issuecommand.launcher.front;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The server's address before any HTTP is spoken. Whether something accepts connections there is asked with a plain
 * socket, and the JDK's HTTP client is created only once something does: creating it sets up
 * {@code java.util.logging}, which must not happen in a process that starts Liberty before Liberty has installed its
 * own log manager (Liberty's messages would otherwise bypass its logs and reach stderr as plain text).
 */
final class ServerPort {

    private static final int CONNECT_MILLIS = 1000;

    private ServerPort() {
    }

    /** True when something accepts a TCP connection at {@code url}'s host and port. */
    static boolean accepts(URI url, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), CONNECT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The front's one HTTP client, created at first use. */
    static HttpClient http() {
        return Holder.CLIENT;
    }

    private static final class Holder {

        static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
