/**
 * The settings (docs/behaviour.md §2) and the {@code .env} file reader, shared by the launcher and the server.
 * <p>
 * Plain JDK only, and nothing else of ours: the runnable jar's launcher validates the settings with these classes
 * before Liberty starts, so the build copies this package to the jar's root beside {@code dev.issuecommand.launcher},
 * and that root copy is also the one the application loads. A class here that used Jakarta, MicroProfile or another
 * package of ours would break the server at start; the build checks it with {@code jdeps} and fails instead.
 * The container side of configuration (the MicroProfile {@code ConfigSource}, the CDI producer) stays in
 * {@code dev.issuecommand.config}.
 */
package dev.issuecommand.config.settings;
