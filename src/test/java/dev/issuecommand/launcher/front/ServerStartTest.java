package dev.issuecommand.launcher.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision under the start lock, against real answers on a loopback port and real OS file locks. */
class ServerStartTest {

    private static FrontSettings at(int port) {
        return FrontSettings.from(Map.of("API_KEY", "key", "HTTP_PORT", String.valueOf(port))::get);
    }

    private static ServerStart.Decision decide(int port) throws Exception {
        return ServerStart.decide(new ServerProbe(at(port)), new ServerLocks(port), true);
    }

    private static HttpServer answering(int status, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void relaysToIssueCommandAndRefusesAnythingElse() throws Exception {
        HttpServer issueCommand = answering(200, "{\"ok\":true,\"health\":{\"active_claims\":0}}");
        HttpServer wrongKey = answering(401, "{\"ok\":false,\"error\":\"unauthorized\"}");
        HttpServer other = answering(200, "<html>hello</html>");
        try {
            assertThat(decide(issueCommand.getAddress().getPort()).plan()).isEqualTo(ServerStart.Plan.RELAY);
            ServerStart.Decision refused = decide(wrongKey.getAddress().getPort());
            assertThat(refused.plan()).isEqualTo(ServerStart.Plan.REFUSE);
            assertThat(refused.probe().detail()).contains("refuses this API_KEY");
            ServerStart.Decision notOurs = decide(other.getAddress().getPort());
            assertThat(notOurs.plan()).isEqualTo(ServerStart.Plan.REFUSE);
            assertThat(notOurs.probe().detail()).contains("not as IssueCommand");
        } finally {
            issueCommand.stop(0);
            wrongKey.stop(0);
            other.stop(0);
        }
    }

    @Test
    void nothingAnsweringMeansOneStarterAndTheOthersWait() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerStart.Decision first = decide(port);
        assertThat(first.plan()).isEqualTo(ServerStart.Plan.START);
        first.startLock().close();
        try {
            assertThat(decide(port).plan()).as("the server lock is held: a server is starting")
                    .isEqualTo(ServerStart.Plan.RELAY);
        } finally {
            first.serverLock().close();
        }
        ServerStart.Decision again = decide(port);
        assertThat(again.plan()).as("the starter went away without a server").isEqualTo(ServerStart.Plan.START);
        again.startLock().close();
        again.serverLock().close();
    }
}
