/**
 * Settings and application-wide wiring: {@code Settings} reads, validates and defaults every variable in one place
 * (docs/behaviour.md §2), {@code DotEnvFile} and {@code DotEnvConfigSource} add {@code .env} below the environment,
 * {@code JsonbConfiguration} fixes the wire format (snake_case, nulls left out), {@code IssueCommandApplication} is
 * the JAX-RS application. Every feature imports it, so it imports no feature (only {@code logging}). {@code Settings},
 * {@code SettingsException} and {@code DotEnvFile} also run in the launcher before Liberty starts: they stay plain
 * Java, without CDI or JSON-B.
 */
package dev.issuecommand.config;
