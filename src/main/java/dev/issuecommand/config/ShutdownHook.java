package dev.issuecommand.config;

/**
 * A JVM shutdown hook of an application bean that holds requests open (event streams, calls waiting for work): on
 * SIGTERM Liberty first waits for open requests before it stops the application, so the hook ends them at once
 * instead. Added when the bean starts, removed by its {@code @PreDestroy} (the application stopped without the JVM).
 */
public final class ShutdownHook {

    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    /** Runs {@code action} (on a thread named {@code name}) when the JVM begins to stop. */
    public static ShutdownHook add(String name, Runnable action) {
        Thread thread = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(thread);
        return new ShutdownHook(thread);
    }

    /** Takes the hook back; nothing to do when the JVM is stopping already (it has run or is running). */
    public void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run or is running
        }
    }
}
