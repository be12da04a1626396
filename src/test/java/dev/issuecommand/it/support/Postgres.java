package dev.issuecommand.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the test JVM, started on first use and stopped when the JVM exits, handing out a fresh
 * database per call. Connections from 127.0.0.1 need a password (scram-sha-256), so a server that loses it on the way
 * cannot connect; only the harness's own {@code postgres} superuser is trusted.
 */
public final class Postgres {

    private static final String USER = "issuecommand";
    /** Random per JVM and long, so a test can look for it in logs without matching anything else. */
    private static final String PASSWORD = "pw" + UUID.randomUUID().toString().replace("-", "");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** A new empty database owned by the test user: {@code postgresql://USER:PASSWORD@127.0.0.1:PORT/NAME}. */
    public static synchronized String newDatabaseUrl() {
        String name = "issuecommand_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "postgresql://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.getPort() + "/" + name;
    }

    /** Runs {@code sql} as the superuser, as an operator at the database would; returns how many rows it answered. */
    public static synchronized int asAdmin(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            int rows = 0;
            if (statement.execute(sql)) {
                try (var result = statement.getResultSet()) {
                    while (result.next()) {
                        rows++;
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    /** The password in every URL {@link #newDatabaseUrl} hands out. */
    public static String password() {
        return PASSWORD;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path config = Files.createDirectories(Path.of("target", "postgres").toAbsolutePath());
                Path hba = Files.writeString(config.resolve("pg_hba.conf"), """
                        local all all trust
                        host all postgres 127.0.0.1/32 trust
                        host all postgres ::1/128 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """);
                server = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop, "postgres-stop"));
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
