package dev.issuecommand.store;

import dev.issuecommand.config.settings.PostgresTarget;
import dev.issuecommand.logging.JsonLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes this instance's event feed when any instance commits an event (docs/behaviour.md §9, §12): a connection of
 * its own, outside the pool, that {@code LISTEN}s on {@value #CHANNEL}; every transaction that appends an event
 * sends {@code NOTIFY} on it, delivered when the transaction commits. A dropped connection is opened again after a
 * second, and the feed is woken then too, so it reads every event it missed meanwhile.
 */
final class EventNotifications {

    static final String CHANNEL = "issuecommand_events";
    private static final int WAIT_MILLIS = 1_000;
    private static final long RECONNECT_MILLIS = 1_000;

    private final PostgresTarget target;
    private final Runnable wake;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private EventNotifications(PostgresTarget target, Runnable wake) {
        this.target = target;
        this.wake = wake;
        this.thread = new Thread(this::listen, "issuecommand-event-listener");
        this.thread.setDaemon(true);
    }

    /** Starts listening; {@code wake} runs on the listener's thread, so it should only hand work on. */
    static EventNotifications start(PostgresTarget target, Runnable wake) {
        EventNotifications notifications = new EventNotifications(target, wake);
        notifications.thread.start();
        return notifications;
    }

    private void listen() {
        boolean dropped = false;
        while (running) {
            try (Connection open = connect(); Statement statement = open.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                connection = open;
                if (dropped) {
                    JsonLog.info("sse.listener_reconnected");
                    wake.run();
                }
                PGConnection listener = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = listener.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    dropped = true;
                    JsonLog.warn("sse.listener_dropped", "error", e.getClass().getSimpleName());
                    pause();
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection open = new Driver().connect(target.jdbcUrl(), target.connectionProperties("issuecommand-events"));
        if (open == null) {
            throw new SQLException("the PostgreSQL driver does not take " + target.where());
        }
        return open;
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing on the way out: nothing to keep
            }
        }
        thread.interrupt();
    }
}
