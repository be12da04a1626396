package dev.issuecommand.config.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting of IssueCommand, parsed and validated once (docs/behaviour.md §2); in demo mode as
 * {@link DemoSettings} changes them (§16).
 * Plain Java so that the launcher can validate before Liberty starts and the application can reuse it.
 */
public record Settings(
        String githubToken,
        String apiKey,
        String githubApiUrl,
        int httpPort,
        String httpHost,
        boolean trustProxy,
        String sqlitePath,
        int sqliteBusyTimeoutMs,
        String sqliteJournalMode,
        int webhookDedupeMaxEntries,
        boolean webhookEnabled,
        String webhookPath,
        String githubWebhookSecret,
        Duration claimTimeout,
        Duration staleAutoRelease,
        boolean autoCloseGithubIssue,
        int historyMaxEntries,
        Duration followupStale,
        int followupMaxEntries,
        Duration syncInterval,
        List<String> allowedRepos,
        String logFile,
        boolean rateLimitEnabled,
        int rateLimitIpPerMinute,
        int rateLimitIpBurst,
        int rateLimitAgentMutationsPerMinute,
        int rateLimitAgentMutationsBurst,
        int rateLimitSseConnectPerMinute,
        int rateLimitSseConnectBurst,
        List<String> mcpAllowedOrigins,
        Duration mcpSessionIdle,
        Duration idleExit,
        int waitMaxPerPrincipal,
        PostgresTarget postgres,
        boolean agentKeysRequired,
        boolean demo,
        ClaimMirrorSettings claimMirror,
        QuarantineSettings quarantine) {

    /** Names whose values are never shown, in logs or in error messages. */
    public static final Set<String> SECRETS = Set.of("GITHUB_TOKEN", "API_KEY", "GITHUB_WEBHOOK_SECRET", "DATABASE_URL",
            "DATABASE_PASSWORD");

    /** Browser origins allowed on {@code /mcp} by default: pages served from this machine (any port). */
    public static final List<String> LOOPBACK_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*",
            "http://[::1]:*", "https://localhost:*", "https://127.0.0.1:*", "https://[::1]:*");

    /** The SQLite file when {@code SQLITE_PATH} is unset. */
    public static final String DEFAULT_SQLITE_PATH = "./issuecommand.db";

    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+");
    private static final Set<String> JOURNAL_MODES = Set.of("DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");

    /** Reads every setting through {@code lookup} (null or blank means unset) and validates it. */
    public static Settings from(Function<String, String> lookup) {
        return read(new Reader(lookup, true));
    }

    /**
     * The settings of a command that works on the database alone ({@code agents add|list|revoke}): as {@link #from},
     * except that {@code GITHUB_TOKEN} and {@code API_KEY} may be unset (null then).
     */
    public static Settings forDatabaseWork(Function<String, String> lookup) {
        return read(new Reader(lookup, false));
    }

    private static Settings read(Reader given) {
        given.bool("DEMO", false); // a bad DEMO value stops start-up like any other
        boolean demo = DemoSettings.on(given.lookup());
        Reader r = demo ? new Reader(DemoSettings.lookup(given.lookup()), given.credentialsRequired()) : given;
        Function<String, String> lookup = r.lookup();
        return new Settings(
                demo ? null : r.credential("GITHUB_TOKEN"),
                r.credential("API_KEY"),
                r.url("GITHUB_API_URL", "https://api.github.com"),
                r.integer("HTTP_PORT", 3100, 1, 65535),
                r.string("HTTP_HOST", "0.0.0.0"),
                r.bool("TRUST_PROXY", false),
                r.string("SQLITE_PATH", DEFAULT_SQLITE_PATH),
                r.integer("SQLITE_BUSY_TIMEOUT_MS", 5000, 0, Integer.MAX_VALUE),
                r.journalMode(),
                r.integer("WEBHOOK_DEDUPE_MAX_ENTRIES", 20000, 1, Integer.MAX_VALUE),
                r.bool("WEBHOOK_ENABLED", true),
                r.path("WEBHOOK_PATH", "/api/webhooks/github"),
                r.string("GITHUB_WEBHOOK_SECRET", ""),
                r.minutes("CLAIM_TIMEOUT_MINUTES", 120, false),
                r.minutes("STALE_AUTO_RELEASE_MINUTES", 0, true),
                r.bool("AUTO_CLOSE_GITHUB_ISSUE", false),
                r.integer("HISTORY_MAX_ENTRIES", 1000, 0, Integer.MAX_VALUE),
                r.minutes("FOLLOWUP_STALE_MINUTES", 1440, false),
                r.integer("FOLLOWUP_MAX_ENTRIES", 2000, 0, Integer.MAX_VALUE),
                r.minutes("SYNC_INTERVAL_MINUTES", 15, true),
                r.repos("ALLOWED_REPOS"),
                r.string("LOG_FILE", ""),
                r.bool("RATE_LIMIT_ENABLED", true),
                r.integer("RATE_LIMIT_IP_PER_MINUTE", 120, 1, Integer.MAX_VALUE),
                r.integer("RATE_LIMIT_IP_BURST", 40, 1, Integer.MAX_VALUE),
                r.integer("RATE_LIMIT_AGENT_MUTATIONS_PER_MINUTE", 40, 1, Integer.MAX_VALUE),
                r.integer("RATE_LIMIT_AGENT_MUTATIONS_BURST", 20, 1, Integer.MAX_VALUE),
                r.integer("RATE_LIMIT_SSE_CONNECT_PER_MINUTE", 10, 1, Integer.MAX_VALUE),
                r.integer("RATE_LIMIT_SSE_CONNECT_BURST", 10, 1, Integer.MAX_VALUE),
                r.origins("MCP_ALLOWED_ORIGINS", LOOPBACK_ORIGINS),
                r.minutes("MCP_SESSION_IDLE_MINUTES", 30, false),
                r.minutes("IDLE_EXIT_MINUTES", 0, true),
                r.integer("WAIT_MAX_PER_PRINCIPAL", 20, 1, 10_000),
                PostgresTarget.from(lookup, r.integer("DATABASE_POOL_SIZE", 10, 1, 1000)),
                r.bool("AGENT_KEYS_REQUIRED", false),
                demo,
                ClaimMirrorSettings.from(lookup),
                // quarantine (docs/behaviour.md §17)
                new QuarantineSettings(r.integer("QUARANTINE_AFTER", 3, 0, 1000),
                        r.hours("QUARANTINE_WINDOW_HOURS", 24)));
    }

    /**
     * Whether {@code ALLOWED_REPOS} admits the repository {@code fullName} ({@code owner/name}, any case): it is empty
     * or names it. The allow-list's one membership test; {@code claims.control.RepositoryPolicy} adds an agent key's
     * narrowing to it.
     */
    public boolean allowListAdmits(String fullName) {
        return allowedRepos.isEmpty() || allowedRepos.contains(fullName.toLowerCase(Locale.ROOT));
    }

    /** A yes/no setting's value: 1/true/yes/on or 0/false/no/off, in any case; empty for anything else. */
    static java.util.Optional<Boolean> parseFlag(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> java.util.Optional.of(true);
            case "0", "false", "no", "off" -> java.util.Optional.of(false);
            default -> java.util.Optional.empty();
        };
    }

    /** Hides secrets from {@code toString}, which may reach a log. */
    @Override
    public String toString() {
        return "Settings[httpPort=" + httpPort + ", store=" + (postgres == null ? "sqlite:" + sqlitePath : postgres)
                + ", githubApiUrl=" + githubApiUrl
                + ", allowedRepos=" + allowedRepos + "]";
    }

    /** Parses one variable at a time; the first bad value stops with a message naming it. */
    private record Reader(Function<String, String> lookup, boolean credentialsRequired) {

        String raw(String name) {
            String value = lookup.apply(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String required(String name) {
            String value = raw(name);
            if (value == null) {
                throw new SettingsException(name + " is required but not set");
            }
            return value;
        }

        /** A credential for GitHub or for the API: required by the server, optional for database work. */
        String credential(String name) {
            return credentialsRequired ? required(name) : raw(name);
        }

        String string(String name, String fallback) {
            String value = raw(name);
            return value == null ? fallback : value;
        }

        String url(String name, String fallback) {
            String value = string(name, fallback);
            if (!value.startsWith("http://") && !value.startsWith("https://")) {
                throw invalid(name, value, "an http:// or https:// URL");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }

        String path(String name, String fallback) {
            String value = string(name, fallback);
            if (!value.startsWith("/") || value.contains(" ") || value.contains("?")) {
                throw invalid(name, value, "a path starting with /");
            }
            return value;
        }

        int integer(String name, int fallback, int min, int max) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                long parsed = Long.parseLong(value);
                if (parsed < min || parsed > max) {
                    throw invalid(name, value, "a whole number from " + min + " to " + max);
                }
                return (int) parsed;
            } catch (NumberFormatException e) {
                throw invalid(name, value, "a whole number from " + min + " to " + max);
            }
        }

        boolean bool(String name, boolean fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            return parseFlag(value).orElseThrow(() -> invalid(name, value, "one of 1/true/yes/on or 0/false/no/off"));
        }

        Duration minutes(String name, double fallback, boolean zeroAllowed) {
            double minutes = decimal(name, fallback, zeroAllowed, 1_000_000_000, expectation(zeroAllowed));
            return Duration.ofMillis(Math.round(minutes * 60_000));
        }

        /** A number of hours greater than 0, decimals allowed. */
        Duration hours(String name, double fallback) {
            double hours = decimal(name, fallback, false, 1_000_000,
                    "a number of hours greater than 0 (decimals allowed)");
            return Duration.ofMillis(Math.round(hours * 3_600_000));
        }

        private double decimal(String name, double fallback, boolean zeroAllowed, double max, String expected) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw invalid(name, value, expected);
            }
            if (!Double.isFinite(parsed) || parsed < 0 || (!zeroAllowed && parsed == 0) || parsed > max) {
                throw invalid(name, value, expected);
            }
            return parsed;
        }

        private static String expectation(boolean zeroAllowed) {
            return zeroAllowed ? "a number of minutes, 0 or more (decimals allowed)"
                    : "a number of minutes greater than 0 (decimals allowed)";
        }

        String journalMode() {
            String value = string("SQLITE_JOURNAL_MODE", "WAL").toUpperCase(Locale.ROOT);
            if (!JOURNAL_MODES.contains(value)) {
                throw invalid("SQLITE_JOURNAL_MODE", raw("SQLITE_JOURNAL_MODE"), "one of " + JOURNAL_MODES);
            }
            return value;
        }

        List<String> repos(String name) {
            String value = raw(name);
            List<String> repos = new ArrayList<>();
            if (value == null) {
                return List.of();
            }
            for (String part : value.split(",")) {
                String repo = part.strip();
                if (repo.isEmpty()) {
                    continue;
                }
                if (!REPO.matcher(repo).matches()) {
                    throw invalid(name, value, "comma-separated owner/repo names");
                }
                repos.add(repo.toLowerCase(Locale.ROOT));
            }
            return List.copyOf(repos);
        }

        /** Comma-separated {@code scheme://host[:port]} origins, a port of {@code *} for any port. */
        List<String> origins(String name, List<String> fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            List<String> origins = new ArrayList<>();
            for (String part : value.split(",")) {
                String origin = part.strip();
                if (origin.isEmpty()) {
                    continue;
                }
                if (!ORIGIN.matcher(origin).matches()) {
                    throw invalid(name, value, "comma-separated origins such as https://dash.example.com or "
                            + "http://localhost:*");
                }
                origins.add(origin);
            }
            return List.copyOf(origins);
        }

        private static SettingsException invalid(String name, String value, String expected) {
            String shown = SECRETS.contains(name) ? "(hidden)" : "\"" + value + "\"";
            return new SettingsException("Invalid " + name + ": got " + shown + ", expected " + expected);
        }
    }
}
