package dev.issuecommand.mcp.boundary;

import static dev.issuecommand.mcp.control.Schemas.AGENT_ID;
import static dev.issuecommand.mcp.control.Schemas.CLAIM_ID;
import static dev.issuecommand.mcp.control.Schemas.CLAIM_RESULT;
import static dev.issuecommand.mcp.control.Schemas.CLAIM_STATUS;
import static dev.issuecommand.mcp.control.Schemas.ISSUE_NUMBER;
import static dev.issuecommand.mcp.control.Schemas.REPO;
import static dev.issuecommand.requests.FieldLimits.MAX_TEXT_LENGTH;
import static dev.issuecommand.requests.FieldLimits.MAX_URL_LENGTH;

import dev.issuecommand.claims.control.Claims;
import dev.issuecommand.mcp.control.InputSchema;
import dev.issuecommand.mcp.control.Schemas;
import dev.issuecommand.mcp.control.ToolArguments;
import dev.issuecommand.mcp.control.ToolGroup;
import dev.issuecommand.mcp.entity.Tool;
import dev.issuecommand.mcp.entity.ToolHints;
import dev.issuecommand.requests.AgentRequest;
import dev.issuecommand.requests.ClaimRelease;
import dev.issuecommand.requests.ClaimRequest;
import dev.issuecommand.requests.ClaimUpdate;
import dev.issuecommand.requests.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The claim-changing tools: {@code claim_issue}, {@code update_claim_status}, {@code release_issue} and
 * {@code heartbeat_claim}, over the {@link Claims} facade.
 */
@ApplicationScoped
public class ClaimTools implements ToolGroup {

    private static final ToolHints CLAIMS = new ToolHints(false, true, false, true);
    private static final ToolHints ENDS_CLAIMS = new ToolHints(false, true, true, true);
    private static final ToolHints RENEWS = new ToolHints(false, true, false, false);

    @Inject
    Claims claims;

    @Override
    public List<Tool> tools() {
        return List.of(claimIssue(), updateClaimStatus(), releaseIssue(), heartbeatClaim());
    }

    private Tool claimIssue() {
        return new Tool("claim_issue", "Claim an issue",
                "Claim one specific GitHub issue before you start working on it, so that no other agent works on it "
                        + "at the same time. Use it when you were given an issue number; to get the most important "
                        + "free issue instead, call next_issue. Answers ok:true with the claim: keep its claim_id for "
                        + "update_claim_status, heartbeat_claim and release_issue. Claiming an issue you already hold "
                        + "answers the same claim with idempotent:true. When another agent holds it you get ok:false, "
                        + "reason already_claimed and owner_agent_id: choose another issue. A closed issue or a pull "
                        + "request gives reason invalid_issue; a repository outside ALLOWED_REPOS gives invalid_repo. "
                        + "A quarantined issue (see list_quarantine) is claimed all the same and the answer "
                        + "adds quarantined:true with its quarantine: earlier claims on it kept going stale.",
                InputSchema.arguments().required("agent_id", AGENT_ID).required("repo", REPO)
                        .required("issue_number", ISSUE_NUMBER).build(),
                CLAIM_RESULT, CLAIMS, this::claim);
    }

    private Object claim(JsonBody args) {
        ClaimRequest request = ClaimRequest.from(args);
        return claims.claim(request.agentId(), request.repo(), request.issueNumber());
    }

    private Tool updateClaimStatus() {
        return new Tool("update_claim_status", "Report progress on a claim",
                "Report progress on an issue you claimed. Move it to in_progress when you start working, to "
                        + "pr_submitted (with pr_url) when you open the pull request, to pr_merged when it is merged "
                        + "and to closed when the issue is done; released gives the issue up. Allowed moves: "
                        + "claimed -> in_progress; in_progress -> pr_submitted; pr_submitted -> pr_merged; "
                        + "pr_merged -> closed; stale -> in_progress; any active status -> released. Asking for the "
                        + "status the claim already has answers idempotent:true. Refusals come back as ok:false with "
                        + "reason invalid_transition, agent_mismatch (not your claim) or claim_not_found. Every update "
                        + "also resets the stale timer; closed and released end the claim.",
                InputSchema.arguments().required("claim_id", CLAIM_ID).required("agent_id", AGENT_ID)
                        .required("status", CLAIM_STATUS)
                        .optional("note", Schemas.text("A short note kept in the claim's status history.",
                                MAX_TEXT_LENGTH))
                        .optional("pr_url", Schemas.text("URL of your pull request; required for pr_submitted unless "
                                + "the claim already has one.", MAX_URL_LENGTH))
                        .build(),
                CLAIM_RESULT, ENDS_CLAIMS, this::update);
    }

    private Object update(JsonBody args) {
        String claimId = ToolArguments.claimId(args);
        ClaimUpdate update = ClaimUpdate.from(args);
        return claims.update(claimId, update.agentId(), update.status(), update.note(), update.prUrl());
    }

    private Tool releaseIssue() {
        return new Tool("release_issue", "Release a claim",
                "Give up an issue you claimed when you stop working on it without finishing (blocked, handing off, "
                        + "claimed by mistake), so that another agent can take it. The claim ends for good (status "
                        + "released) and moves to the history. Releasing a claim again is harmless (idempotent:true). "
                        + "Only the agent holding the claim may release it (otherwise ok:false, agent_mismatch).",
                InputSchema.arguments().required("claim_id", CLAIM_ID).required("agent_id", AGENT_ID)
                        .optional("reason", Schemas.text("Why you release it; kept in the status history.",
                                MAX_TEXT_LENGTH))
                        .build(),
                CLAIM_RESULT, new ToolHints(false, true, true, false), this::release);
    }

    private Object release(JsonBody args) {
        String claimId = ToolArguments.claimId(args);
        ClaimRelease release = ClaimRelease.from(args);
        return claims.release(claimId, release.agentId(), release.reason());
    }

    private Tool heartbeatClaim() {
        return new Tool("heartbeat_claim", "Keep a claim alive",
                "Call it when you are still working on a claim but have no status change to report: it renews "
                        + "the claim without changing its status. A claim with no update for CLAIM_TIMEOUT_MINUTES "
                        + "(default 120) becomes stale and may be released automatically, so keep long work alive "
                        + "with a heartbeat between status updates: every claim answer says when it goes stale "
                        + "(stale_at) and, if auto-release is on, when it is released (auto_release_at).",
                InputSchema.arguments().required("claim_id", CLAIM_ID).required("agent_id", AGENT_ID).build(),
                CLAIM_RESULT, RENEWS,
                this::heartbeat);
    }

    private Object heartbeat(JsonBody args) {
        String claimId = ToolArguments.claimId(args);
        return claims.heartbeat(claimId, AgentRequest.from(args).agentId());
    }
}
