package dev.issuecommand.followups.control;

import dev.issuecommand.claims.control.IssuePicker;
import dev.issuecommand.claims.entity.ClaimResult;
import dev.issuecommand.claims.entity.Reason;
import dev.issuecommand.config.settings.Settings;
import dev.issuecommand.followups.entity.FollowupView;
import dev.issuecommand.followups.entity.NextWorkResult;
import dev.issuecommand.github.RepoName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@code next_work} (SPEC §4), for HTTP and MCP alike: a queued or stale follow-up first (see {@link FollowupPicker}),
 * otherwise {@code next_issue}. {@code label} and {@code milestone} narrow the issues only.
 */
@ApplicationScoped
public class NextWork {

    @Inject
    Followups followups;

    @Inject
    IssuePicker picker;

    @Inject
    Settings settings;

    public NextWorkResult next(String agentId, Optional<RepoName> repo, String label, String milestone) {
        if (repo.isPresent() && !settings.allowsRepo(repo.get().fullName())) {
            return NextWorkResult.refused(Reason.INVALID_REPO.wire(),
                    "Repository " + repo.get() + " is not in ALLOWED_REPOS");
        }
        Optional<FollowupView> followup = followups.claimNext(agentId, repo.map(RepoName::fullName).orElse(null));
        if (followup.isPresent()) {
            return NextWorkResult.followup(followup.get());
        }
        ClaimResult result = picker.next(agentId, repo, label, milestone);
        if (result.ok()) {
            return NextWorkResult.issue(result.claim(), result.issue());
        }
        return NextWorkResult.refused(result.reason(), result.message());
    }
}
