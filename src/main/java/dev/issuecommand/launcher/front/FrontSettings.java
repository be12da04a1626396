package dev.issuecommand.launcher.front;

import dev.issuecommand.launcher.ServerJvmOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What the stdio front needs, read without the server's full settings (a front relaying to another host needs no
 * GitHub token): the key it sends (the agent's own {@code ISSUECOMMAND_AGENT_KEY}, else {@code API_KEY}), the server's
 * base URL ({@code ISSUECOMMAND_URL}, else
 * {@code http://127.0.0.1:HTTP_PORT}), and for a background server it may start: its JVM options, its idle time
 * before it stops, and its log file ({@code issuecommand-server.log} beside the database).
 */
public record FrontSettings(String apiKey, String agentKey, URI baseUrl, List<String> serverJavaOptions,
        String serverIdleExitMinutes, Path serverLog) {

    /** Minutes a background server waits without requests before it stops, when {@code IDLE_EXIT_MINUTES} is unset. */
    public static final String DEFAULT_IDLE_EXIT_MINUTES = "10";

    /** Reads the settings through {@code lookup}; a missing key or bad URL is a {@link IllegalArgumentException}. */
    public static FrontSettings from(Function<String, String> lookup) {
        String apiKey = blankToNull(lookup.apply("API_KEY"));
        String agentKey = blankToNull(lookup.apply("ISSUECOMMAND_AGENT_KEY"));
        if (apiKey == null && agentKey == null) {
            throw new IllegalArgumentException("API_KEY is required but not set (or ISSUECOMMAND_AGENT_KEY, the "
                    + "agent's own key)");
        }
        String url = blankToNull(lookup.apply("ISSUECOMMAND_URL"));
        URI base;
        if (url == null) {
            String host = blankToNull(lookup.apply("HTTP_HOST"));
            String port = blankToNull(lookup.apply("HTTP_PORT"));
            base = URI.create("http://" + connectHost(host) + ":" + (port == null ? "3100" : port.strip()));
        } else {
            base = parse(url);
        }
        String idleExit = blankToNull(lookup.apply("IDLE_EXIT_MINUTES"));
        String database = blankToNull(lookup.apply("SQLITE_PATH"));
        Path folder = Path.of(database == null ? "./issuecommand.db" : database).toAbsolutePath().getParent();
        return new FrontSettings(apiKey, agentKey == null ? null : agentKey.strip(), base, ServerJvmOptions.from(lookup),
                idleExit == null ? DEFAULT_IDLE_EXIT_MINUTES : idleExit, folder.resolve("issuecommand-server.log"));
    }

    /** The settings of a front beside the server this process starts on {@code port}: its URL is that server's. */
    public static FrontSettings ownServer(Function<String, String> lookup, int port) {
        FrontSettings settings = from(lookup);
        URI own = URI.create("http://" + connectHost(blankToNull(lookup.apply("HTTP_HOST"))) + ":" + port);
        return new FrontSettings(settings.apiKey(), settings.agentKey(), own, settings.serverJavaOptions(),
                settings.serverIdleExitMinutes(), settings.serverLog());
    }

    /** The {@code Authorization} header the front sends: the agent's own key if it has one, else the shared key. */
    public String authorization() {
        return "Bearer " + (agentKey != null ? agentKey : apiKey);
    }

    /** The setting that holds the key the front sends, for messages. */
    public String keySetting() {
        return agentKey != null ? "ISSUECOMMAND_AGENT_KEY" : "API_KEY";
    }

    /** The URL of {@code path} on the server ({@code path} starts with /). */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The port the server listens on, as the URL names it. */
    public int port() {
        if (baseUrl.getPort() > 0) {
            return baseUrl.getPort();
        }
        return "https".equals(baseUrl.getScheme()) ? 443 : 80;
    }

    /** True when the server is on this machine, so that the front may start one when none answers. */
    public boolean serverIsLocal() {
        try {
            String host = baseUrl.getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid ISSUECOMMAND_URL: got \"" + url
                    + "\", expected an http:// or https:// URL such as http://127.0.0.1:3100", e);
        }
    }

    /** Where to connect for a server bound to {@code host}: a wildcard bind answers on loopback. */
    private static String connectHost(String host) {
        if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
