package dev.issuecommand.agents.boundary;

import dev.issuecommand.agents.boundary.AgentsCommandLine.Add;
import dev.issuecommand.agents.boundary.AgentsCommandLine.Command;
import dev.issuecommand.agents.boundary.AgentsCommandLine.Help;
import dev.issuecommand.agents.boundary.AgentsCommandLine.Revoke;
import dev.issuecommand.agents.boundary.AgentsCommandLine.UsageError;
import dev.issuecommand.agents.control.AgentKeyTable;
import dev.issuecommand.agents.entity.AgentKeyView;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.config.settings.SettingsException;
import dev.issuecommand.requests.AgentKeyRequest;
import dev.issuecommand.store.DirectDatabase;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code java -jar issuecommand.jar agents add|list|revoke} (docs/behaviour.md §14): the operator's agent keys on the
 * server's database, with or without a server running. Started by the launcher outside Liberty. {@code add} prints the
 * key once, alone on stdout; everything else goes to stderr, never a key. Exit codes: 0 done, 1 refused or failed,
 * 2 usage error.
 */
public final class AgentsCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    private static final String NAME = "issuecommand agents: ";

    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier clock;

    private AgentsCommand(PrintStream out, PrintStream err, LongSupplier clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Runs the command of {@code args} (what follows {@code agents}) on the database that {@code lookup}'s settings
     * name; returns the exit code.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Function<String, String> lookup) {
        AgentsCommand command = new AgentsCommand(out, err, System::currentTimeMillis);
        Command parsed;
        try {
            parsed = AgentsCommandLine.parse(List.of(args));
        } catch (UsageError e) {
            err.println(NAME + e.getMessage());
            err.println(AgentsCommandLine.USAGE);
            return USAGE;
        }
        if (parsed instanceof Help) {
            out.println(AgentsCommandLine.USAGE);
            return OK;
        }
        Settings settings;
        try {
            settings = Settings.forDatabaseWork(lookup);
        } catch (SettingsException e) {
            err.println(NAME + e.getMessage());
            return REFUSED;
        }
        try (DirectDatabase database = DirectDatabase.open(settings)) {
            return command.execute(parsed, settings, new AgentKeyTable(database, command.clock));
        } catch (SQLException e) {
            err.println(NAME + "cannot use the database at " + where(settings) + ": " + e.getMessage());
            return REFUSED;
        }
    }

    private int execute(Command command, Settings settings, AgentKeyTable keys) throws SQLException {
        if (command instanceof Add add) {
            return add(add.request(), settings, keys);
        }
        if (command instanceof Revoke revoke) {
            return revoke(revoke.agentId(), keys);
        }
        return list(keys.list());
    }

    /** Issues a key by the rules of {@code POST /api/admin/agents} ({@link AgentKeyRequest#refused}). */
    private int add(AgentKeyRequest request, Settings settings, AgentKeyTable keys) throws SQLException {
        Optional<AgentKeyRequest.Refused> refused = request.refused(settings::allowListAdmits, clock.getAsLong());
        if (refused.isPresent()) {
            err.println(NAME + AgentsCommandLine.optionOf(refused.get().field()) + ": " + refused.get().why());
            return REFUSED;
        }
        Optional<AgentKeyTable.Issued> issued = keys.issue(request.agentId(), request.repoNames(), request.expiresAt(),
                request.rotate());
        if (issued.isEmpty()) {
            err.println(NAME + "agent " + request.agentId() + " has a key; pass --rotate to replace it, or revoke "
                    + "it first");
            return REFUSED;
        }
        AgentKeyView view = issued.get().view();
        out.println(issued.get().key());
        err.println((issued.get().replaced() ? "Replaced the key of agent " : "Issued a key for agent ")
                + view.agentId() + ": prefix " + view.keyPrefix() + ", repos "
                + (view.repos().isEmpty() ? "all of ALLOWED_REPOS" : String.join(",", view.repos())) + ", expires "
                + (view.expiresAt() == null ? "never" : view.expiresAt()));
        return OK;
    }

    private int list(List<AgentKeyView> keys) {
        out.print(KeyTable.of(keys));
        if (keys.isEmpty()) {
            err.println("No agent keys");
        }
        return OK;
    }

    private int revoke(String agentId, AgentKeyTable keys) throws SQLException {
        if (!keys.revoke(agentId)) {
            err.println(NAME + "agent " + agentId + " has no key");
            return REFUSED;
        }
        err.println("Revoked the key of agent " + agentId);
        return OK;
    }

    private static String where(Settings settings) {
        return settings.postgres() == null ? "sqlite:" + settings.sqlitePath()
                : "postgresql:" + settings.postgres().where();
    }
}
