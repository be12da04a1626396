/**
 * The SQLite database behind every feature (docs/behaviour.md §12): {@code Database} builds the persistence unit and
 * runs read and write transactions (a write bumps {@code write_lock} first; writers queue in {@code WriterQueue}),
 * {@code SchemaMigrator} applies {@code db/V*.sql} by {@code user_version}, {@code IntegrityCheck} stops start-up on a
 * corrupt claim row, {@code RuntimeCounters} holds {@code total_claims} and {@code last_github_sync_at},
 * {@code DatabaseHealthCheck} is the readiness and liveness check. {@code DirectDatabase} opens the same database with
 * plain JDBC for the command line, migrating and writing as the server does ({@code SchemaMigrator},
 * {@code StoreStatements}). It imports only {@code config} and
 * {@code logging}; features bring their own entities and queries and call it, never the other way round.
 */
package dev.issuecommand.store;
