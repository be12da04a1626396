package dev.issuecommand.config.settings;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The PostgreSQL database named by {@code DATABASE_URL} (docs/behaviour.md §12): {@code postgresql://user:password@host:port/db?sslmode=…}
 * (also {@code postgres://}) or {@code jdbc:postgresql://host:port/db?…}. The password may instead come from
 * {@code DATABASE_PASSWORD} or from the file named by {@code DATABASE_PASSWORD_FILE}. The password never appears in
 * {@link #toString()} or in an error message; {@link #where()} names the server for messages.
 */
public record PostgresTarget(String jdbcUrl, String user, String password, String host, int port, String database,
        int poolSize) {

    private static final int DEFAULT_PORT = 5432;

    /** The target of {@code DATABASE_URL}, or null when it is unset (the store is then SQLite). */
    static PostgresTarget from(Function<String, String> lookup, int poolSize) {
        String url = blankToNull(lookup.apply("DATABASE_URL"));
        String direct = blankToNull(lookup.apply("DATABASE_PASSWORD"));
        String file = blankToNull(lookup.apply("DATABASE_PASSWORD_FILE"));
        if (url == null) {
            return null;
        }
        String password = direct != null ? direct : file != null ? readPassword(file) : null;
        String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        if ((!scheme.equals("postgresql") && !scheme.equals("postgres")) || uri.getHost() == null) {
            throw invalid();
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty() || database.contains("/")) {
            throw invalid();
        }
        String user = null;
        String fromUrl = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            fromUrl = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + uri.getRawPath().substring(1) + query;
        return new PostgresTarget(jdbcUrl, user, password != null ? password : fromUrl, uri.getHost(), port, database,
                poolSize);
    }

    /** The JDBC driver's connection properties: user, password and {@code applicationName} as seen by the server. */
    public Properties connectionProperties(String applicationName) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", applicationName);
        return properties;
    }

    /** {@code host:port/database}, for messages: never the user's password. */
    public String where() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + where() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }

    private static String readPassword(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new SettingsException("Invalid DATABASE_PASSWORD_FILE: cannot read \"" + file + "\"");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static SettingsException invalid() {
        return new SettingsException("Invalid DATABASE_URL: got (hidden), expected "
                + "postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
    }
}
