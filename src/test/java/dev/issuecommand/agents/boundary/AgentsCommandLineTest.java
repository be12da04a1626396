package dev.issuecommand.agents.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.issuecommand.agents.boundary.AgentsCommandLine.Add;
import dev.issuecommand.agents.boundary.AgentsCommandLine.Help;
import dev.issuecommand.agents.boundary.AgentsCommandLine.ListKeys;
import dev.issuecommand.agents.boundary.AgentsCommandLine.Revoke;
import dev.issuecommand.agents.boundary.AgentsCommandLine.UsageError;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.requests.AgentKeyRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentsCommandLineTest {

    @Test
    void addReadsTheAgentRepositoriesExpiryAndRotateInEitherOptionForm() {
        AgentKeyRequest request = add("add", "bot-1", "--repo", "acme/widgets", "--repo=acme/gears",
                "--expires=2027-01-31T00:00:00Z", "--rotate");
        assertThat(request.agentId()).isEqualTo("bot-1");
        assertThat(request.repos()).extracting(RepoName::fullName).containsExactly("acme/widgets", "acme/gears");
        assertThat(request.expiresAt()).isEqualTo(Instant.parse("2027-01-31T00:00:00Z").toEpochMilli());
        assertThat(request.rotate()).isTrue();
    }

    @Test
    void addWithTheAgentAloneIsForEveryRepositoryForeverWithoutRotation() {
        AgentKeyRequest request = add("add", "--expires", "2027-01-31T00:00:00Z", "bot-2");
        assertThat(request).isEqualTo(new AgentKeyRequest("bot-2", List.of(),
                Instant.parse("2027-01-31T00:00:00Z").toEpochMilli(), false));
        assertThat(add("add", "bot-3")).isEqualTo(new AgentKeyRequest("bot-3", List.of(), null, false));
    }

    @Test
    void listAndRevokeAndHelp() {
        assertThat(AgentsCommandLine.parse(List.of("list"))).isEqualTo(new ListKeys());
        assertThat(AgentsCommandLine.parse(List.of("revoke", "bot-1"))).isEqualTo(new Revoke("bot-1"));
        assertThat(AgentsCommandLine.parse(List.of("add", "bot-1", "--help"))).isEqualTo(new Help());
        assertThat(AgentsCommandLine.parse(List.of("help"))).isEqualTo(new Help());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                   | missing command: add, list or revoke",
        "remove bot-1                         | unknown command remove: expected add, list or revoke",
        "add                                  | agents add needs an <agent_id>",
        "add bot-1 bot-2                      | agents add takes one <agent_id>, got bot-1 bot-2",
        "add bot-1 --repos acme/widgets       | unknown option --repos",
        "add bot-1 --repo                     | --repo needs a value",
        "add bot-1 --expires                  | --expires needs a value",
        "add bot-1 --rotate=yes               | --rotate takes no value",
        "add bot-1 --repo acme                | invalid --repo",
        "add bot-1 --repo acme/widgets/x      | invalid --repo",
        "add bot-1 --expires 2027-01-31       | invalid --expires (ISO-8601, such as 2027-01-31T00:00:00Z)",
        "list bot-1                           | agents list takes no arguments, got bot-1",
        "revoke                               | agents revoke takes one <agent_id>",
        "revoke bot-1 bot-2                   | agents revoke takes one <agent_id>",
        "revoke --rotate                      | agents revoke takes one <agent_id>",
    })
    void usageErrorsSayWhatIsWrong(String args, String message) {
        List<String> words = args.isBlank() ? List.of() : List.of(args.split(" "));
        assertThatThrownBy(() -> AgentsCommandLine.parse(words)).isInstanceOf(UsageError.class).hasMessage(message);
    }

    @Test
    void anAgentIdFollowsTheRuleOfTheApi() {
        assertThatThrownBy(() -> AgentsCommandLine.parse(List.of("add", "x".repeat(201))))
                .isInstanceOf(UsageError.class).hasMessage("invalid <agent_id>");
        assertThatThrownBy(() -> AgentsCommandLine.parse(List.of("revoke", "bot\u0007")))
                .isInstanceOf(UsageError.class).hasMessage("invalid <agent_id>");
    }

    private static AgentKeyRequest add(String... args) {
        return ((Add) AgentsCommandLine.parse(List.of(args))).request();
    }
}
