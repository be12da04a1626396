package dev.issuecommand.agents.boundary;

import dev.issuecommand.problems.ApiException;
import dev.issuecommand.requests.AgentKeyRequest;
import dev.issuecommand.requests.JsonBody;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The arguments of {@code java -jar issuecommand.jar agents add|list|revoke} (docs/behaviour.md §14), read into one
 * command. The fields of {@code add} and {@code revoke} follow the rules of {@code POST /api/admin/agents} and
 * {@code DELETE /api/admin/agents/{agentId}} ({@link AgentKeyRequest}, {@link JsonBody}); anything else is a
 * {@link UsageError}.
 */
final class AgentsCommandLine {

    static final String USAGE = """
            Usage: java -jar issuecommand.jar agents <command>
              agents add <agent_id> [--repo owner/name]... [--expires 2027-01-31T00:00:00Z] [--rotate]
                  issues a key and prints it once on stdout
              agents list
                  lists the keys: agent, key prefix, repositories, created, expires, expired (never a key)
              agents revoke <agent_id>
                  revokes the agent's key at once
            The database is the server's: SQLITE_PATH, or DATABASE_URL for PostgreSQL (environment or ./.env).""";

    private static final Map<String, String> OPTION_OF_FIELD = Map.of("agent_id", "<agent_id>", "repos", "--repo",
            "expires_at", "--expires (ISO-8601, such as 2027-01-31T00:00:00Z)");

    /** What the command line asks for. */
    sealed interface Command permits Add, ListKeys, Revoke, Help {
    }

    /** Issue a key, as {@code POST /api/admin/agents} with this body would. */
    record Add(AgentKeyRequest request) implements Command {
    }

    record ListKeys() implements Command {
    }

    record Revoke(String agentId) implements Command {
    }

    record Help() implements Command {
    }

    /** Arguments that do not make a command; its message says what is wrong. */
    static final class UsageError extends RuntimeException {

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    private AgentsCommandLine() {
    }

    /** The option of {@code agents add} that gives the request's {@code field}. */
    static String optionOf(String field) {
        String option = OPTION_OF_FIELD.getOrDefault(field, field);
        int space = option.indexOf(' ');
        return space < 0 ? option : option.substring(0, space);
    }

    /** Reads the arguments that follow {@code agents}. */
    static Command parse(List<String> args) {
        if (args.contains("--help") || args.contains("-h") || args.equals(List.of("help"))) {
            return new Help();
        }
        if (args.isEmpty()) {
            throw new UsageError("missing command: add, list or revoke");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "add" -> add(rest);
            case "list" -> {
                if (!rest.isEmpty()) {
                    throw new UsageError("agents list takes no arguments, got " + rest.get(0));
                }
                yield new ListKeys();
            }
            case "revoke" -> revoke(rest);
            default -> throw new UsageError("unknown command " + args.get(0) + ": expected add, list or revoke");
        };
    }

    private static Add add(List<String> args) {
        JsonProvider json = JsonProvider.provider();
        JsonObjectBuilder body = json.createObjectBuilder();
        JsonArrayBuilder repos = json.createArrayBuilder();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String inline = name.equals(arg) ? null : arg.substring(eq + 1);
            switch (name) {
                case "--repo", "--expires" -> {
                    if (inline == null && i + 1 == args.size()) {
                        throw new UsageError(name + " needs a value");
                    }
                    String value = inline != null ? inline : args.get(++i);
                    if (name.equals("--repo")) {
                        repos.add(value);
                    } else {
                        body.add("expires_at", value);
                    }
                }
                case "--rotate" -> {
                    if (inline != null) {
                        throw new UsageError("--rotate takes no value");
                    }
                    body.add("rotate", true);
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageError("unknown option " + name);
                    }
                    positional.add(arg);
                }
            }
        }
        if (positional.size() != 1) {
            throw new UsageError(positional.isEmpty() ? "agents add needs an <agent_id>"
                    : "agents add takes one <agent_id>, got " + String.join(" ", positional));
        }
        String text = body.add("agent_id", positional.get(0)).add("repos", repos).build().toString();
        return new Add(bound(() -> AgentKeyRequest.from(JsonBody.parse(text))));
    }

    private static Revoke revoke(List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageError("agents revoke takes one <agent_id>");
        }
        return new Revoke(bound(() -> JsonBody.ofQuery("agent_id", args.get(0)).requiredId("agent_id")));
    }

    /** {@code binding}'s value; a field it refuses is named as the option that gave it. */
    private static <T> T bound(Supplier<T> binding) {
        try {
            return binding.get();
        } catch (ApiException e) {
            String detail = e.problem().detail();
            String field = detail.substring(detail.lastIndexOf(' ') + 1);
            throw new UsageError("invalid " + OPTION_OF_FIELD.getOrDefault(field, field));
        }
    }
}
