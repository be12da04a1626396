package dev.issuecommand.dashboard.control;

import dev.issuecommand.claims.control.ClaimQueries;
import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.claims.entity.ClaimView;
import dev.issuecommand.claims.entity.StatusChange;
import dev.issuecommand.config.JsonFactories;
import dev.issuecommand.config.JsonbConfiguration;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.events.control.EventLog;
import dev.issuecommand.followups.control.FollowupQueries;
import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.store.Database;
import dev.issuecommand.store.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;

/**
 * What the dashboard shows at one moment (docs/behaviour.md §15): the active claims with their deadlines, the follow-up
 * queue in the order agents get it, the agents at work and the repositories in view, with the id of the newest event
 * before any of it was read, so that the page's event stream from there misses nothing.
 */
@ApplicationScoped
public class FleetState {

    private static final long DAY = FleetQueries.DAY;

    @Inject
    Database database;

    @Inject
    EventLog events;

    @Inject
    Claims claims;

    @Inject
    Followups followups;

    @Inject
    FleetQueries queries;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The state for {@code operator}, narrowed to {@code repo} and {@code agentId} when given. */
    public JsonObject state(String operator, String repo, String agentId) {
        long lastEventId = database.read(events::latestId);
        long now = clock.millis();
        JsonArrayBuilder cards = JsonFactories.arrayBuilder();
        claims.active(new ClaimQueries.Filter(agentId, repo, null)).forEach(claim -> cards.add(card(claim)));
        JsonArrayBuilder queue = JsonFactories.arrayBuilder();
        followups.active(new FollowupQueries.Filter(repo, null, null, null)).stream()
                .filter(item -> agentId == null || agentId.equals(item.claimedByAgentId()))
                .forEach(item -> queue.add(asJson(item)));
        JsonArrayBuilder agents = JsonFactories.arrayBuilder();
        JsonArrayBuilder repos = JsonFactories.arrayBuilder();
        database.read(em -> {
            queries.agents(em, now - DAY).forEach(agent -> agents.add(JsonFactories.objectBuilder()
                    .add("agent_id", agent.agentId()).add("last_seen", Timestamps.iso(agent.lastSeen()))
                    .add("claims", agent.claims()).add("followups", agent.followups())
                    .add("finished_24h", agent.finished())));
            queries.repos(em, now - DAY).forEach(repos::add);
            return null;
        });
        return JsonFactories.objectBuilder()
                .add("now", Timestamps.iso(now))
                .add("last_event_id", lastEventId)
                .add("demo", settings.demo())
                .add("operator", operator)
                .add("claim_timeout_seconds", settings.claimTimeout().toSeconds())
                .add("auto_release_seconds", settings.staleAutoRelease().toSeconds())
                .add("claims", cards)
                .add("followups", queue)
                .add("agents", agents)
                .add("repos", repos)
                .build();
    }

    /** A claim as a card: the claim as the API shows it (deadlines included), with when it entered its status. */
    private JsonObjectBuilder card(ClaimView claim) {
        List<StatusChange> history = claim.statusHistory();
        String statusSince = history.isEmpty() ? claim.lastUpdated() : history.get(history.size() - 1).timestamp();
        return JsonFactories.objectBuilder(asJson(claim)).add("status_since", statusSince)
                .add("issue_url", GitHubPages.issueUrl(settings.githubApiUrl(), claim.repo(), claim.issueNumber()));
    }

    private static JsonObject asJson(Object view) {
        return JsonFactories.reader(new StringReader(JsonbConfiguration.JSONB.toJson(view))).readObject();
    }
}
