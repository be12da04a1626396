package dev.issuecommand.mcp.boundary;

import static dev.issuecommand.mcp.control.Schemas.AGENT_ID;
import static dev.issuecommand.mcp.control.Schemas.CLAIM;
import static dev.issuecommand.mcp.control.Schemas.ISSUE;
import static dev.issuecommand.mcp.control.Schemas.LABEL;
import static dev.issuecommand.mcp.control.Schemas.MILESTONE;
import static dev.issuecommand.mcp.control.Schemas.REPO;
import static dev.issuecommand.mcp.control.Schemas.WAIT_SECONDS;
import static dev.issuecommand.requests.FieldLimits.MAX_ID_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;

import dev.issuecommand.followups.control.Followups;
import dev.issuecommand.followups.control.MyWork;
import dev.issuecommand.followups.control.NextWork;
import dev.issuecommand.followups.entity.FollowupStatus;
import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolArguments;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.requests.AgentRequest;
import dev.issuecommand.requests.FollowupFilter;
import dev.issuecommand.requests.FollowupUpdate;
import dev.issuecommand.requests.JsonBody;
import dev.issuecommand.requests.WorkRequest;
import dev.issuecommand.waiting.control.WaitForWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The follow-up tools: {@code next_work}, {@code get_followups}, {@code update_followup_status} and
 * {@code get_my_work}, over the {@link Followups}, {@link NextWork} and {@link MyWork} facades.
 */
@ApplicationScoped
public class FollowupTools implements ToolGroup {

    private static final Map<String, Object> STRING = Map.of("type", "string");
    private static final Map<String, Object> FOLLOWUP_STATUS = Schemas.enumOf("Follow-up status.",
            Arrays.stream(FollowupStatus.values()).map(FollowupStatus::wire).toList());
    private static final Map<String, Object> FOLLOWUP = Schemas.object(Schemas.props(
            "work_item_id", STRING, "repo", STRING, "pr_number", Map.of("type", "integer"), "pr_url", STRING,
            "pr_title", STRING, "source_event_type", STRING, "source_event_id", STRING,
            "source_delivery_id", STRING, "requested_by", STRING, "summary", STRING,
            "actionable_comments", Schemas.array(STRING), "status", FOLLOWUP_STATUS, "created_at", STRING,
            "last_updated", STRING, "claimed_by_agent_id", STRING, "claimed_at", STRING, "done_at", STRING,
            "dismiss_reason", STRING, "status_history", Schemas.array(Schemas.object(
                    Schemas.props("status", STRING, "timestamp", STRING, "note", STRING), List.of("status")))),
            List.of("work_item_id", "repo", "pr_number", "status"));
    private static final Map<String, Object> FOLLOWUP_LIST = Schemas.object(
            Schemas.props("followups", Schemas.array(FOLLOWUP)), List.of("followups"));
    private static final Map<String, Object> FOLLOWUP_RESULT = Schemas.object(Schemas.props(
            "ok", Map.of("type", "boolean"), "work_item", FOLLOWUP, "idempotent", Map.of("type", "boolean"),
            "reason", STRING, "message", STRING, "owner_agent_id", STRING), List.of("ok"));
    private static final Map<String, Object> NEXT_WORK = Schemas.object(Schemas.props(
            "ok", Map.of("type", "boolean"), "kind", Schemas.enumOf("What was assigned.", List.of("pr_followup", "issue")),
            "work_item", FOLLOWUP, "claim", CLAIM, "issue", ISSUE, "reason", STRING, "message", STRING), List.of("ok"));
    private static final Map<String, Object> MY_WORK = Schemas.object(Schemas.props("work", Schemas.object(
            Schemas.props("claims", Schemas.array(CLAIM), "followups", Schemas.array(FOLLOWUP)),
            List.of("claims", "followups"))), List.of("work"));

    @Inject
    Followups followups;

    @Inject
    WaitForWork work;

    @Inject
    MyWork myWork;

    @Override
    public List<Tool> tools() {
        return List.of(next(), list(), update(), work());
    }

    private Tool next() {
        return new Tool("next_work", "Get the next piece of work",
                "Get your next piece of work in one call when you are free: first review feedback on a pull request "
                        + "(kind pr_followup, with the work_item now claimed by you; feedback on your own pull "
                        + "request comes first), otherwise the most important unclaimed issue, claimed for you (kind "
                        + "issue, with the claim and the issue). Answers ok:false with reason invalid_issue when there "
                        + "is nothing to do. Prefer it over next_issue. With wait_seconds (up to 60) it waits for "
                        + "work to appear instead of answering invalid_issue at once: call it again in a loop rather "
                        + "than polling.",
                InputSchema.arguments().required("agent_id", AGENT_ID).optional("repo", REPO)
                        .optional("label", LABEL).optional("milestone", MILESTONE)
                        .optional("wait_seconds", WAIT_SECONDS).build(),
                NEXT_WORK, new ToolHints(false, false, false, true),
                args -> work.nextWork(WorkRequest.from(args)));
    }

    private Tool list() {
        return new Tool("get_followups", "List pull-request follow-ups",
                "List the active follow-ups (review feedback to act on), most urgent first: changes requested, "
                        + "then review comments, then PR comments, oldest first. Filter by repository, status, owner "
                        + "or pull request. Call it when you want to see what feedback is waiting before taking one.",
                InputSchema.arguments().optional("repo", REPO).optional("status", FOLLOWUP_STATUS)
                        .optional("claimed_by_agent_id", AGENT_ID)
                        .optional("pr_number", Schemas.integer("Pull request number.", 1, Integer.MAX_VALUE)).build(),
                FOLLOWUP_LIST, ToolHints.READS, this::active);
    }

    private Object active(JsonBody args) {
        return Map.of("followups", followups.active(FollowupFilter.from(args).filter()));
    }

    private Tool update() {
        return new Tool("update_followup_status", "Update a follow-up",
                "Move a follow-up on: claimed or in_progress when you start (that makes you its owner), done when "
                        + "the feedback is addressed, dismissed (with a note saying why) when it needs no change. "
                        + "Only the owner may change an owned follow-up; refusals are ok:false with a reason.",
                InputSchema.arguments().required("work_item_id", Schemas.text("The follow-up's work_item_id.",
                        MAX_ID_LENGTH))
                        .required("agent_id", AGENT_ID).required("status", FOLLOWUP_STATUS)
                        .optional("note", Schemas.text("Why, or what you did; kept as dismiss_reason when dismissing.",
                                MAX_TEXT_LENGTH))
                        .build(),
                FOLLOWUP_RESULT, new ToolHints(false, true, false, false), this::change);
    }

    private Object change(JsonBody args) {
        String workItemId = ToolArguments.workItemId(args);
        FollowupUpdate update = FollowupUpdate.from(args);
        return followups.update(workItemId, update.agentId(), update.status(), update.note());
    }

    private Tool work() {
        return new Tool("get_my_work", "List all my work",
                "Everything you hold: your active issue claims and the pull-request follow-ups (review feedback) "
                        + "assigned to you. Call it at the start of a session, or when unsure what to do next, "
                        + "before taking new work with next_work or next_issue.",
                InputSchema.arguments().required("agent_id", AGENT_ID).build(),
                MY_WORK, ToolHints.READS, args -> myWork.of(AgentRequest.from(args).agentId()));
    }
}
