package dev.issuecommand.mirror.control;

import dev.issuecommand.config.settings.ClaimMirrorSettings;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubForbiddenException;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.PostedComment;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.mirror.entity.MirroredClaim;
import dev.issuecommand.mirror.entity.OutboxRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes GitHub show one outbox row (docs/behaviour.md §19): the claim's one comment, edited in place (found again by
 * its marker when its id was never recorded, created only when there is none), and the label while the claim is
 * active. Before each write it asks {@code keepLease}; a lost lease ends the sending ({@link LeaseLost}). A 403 or
 * 404 on a write becomes {@link NotWritable}; other GitHub failures are thrown as they come.
 */
@ApplicationScoped
class MirrorSend {

    /** The lease of the row went to another process: it sends the row now. */
    static final class LeaseLost extends RuntimeException {

        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    @Inject
    GitHubClient github;

    /**
     * Sends {@code row} under {@code mirror}, recording in {@code progress} what GitHub confirmed; {@code otherActive}
     * says another claim on the issue is active, so the label stays when this one has ended.
     */
    void send(OutboxRow row, ClaimMirrorSettings mirror, Progress progress, boolean otherActive,
            Supplier<Boolean> keepLease) {
        MirroredClaim claim = row.claim();
        RepoName repo = RepoName.parse(claim.repo()).orElseThrow();
        Runnable lease = () -> {
            if (!keepLease.get()) {
                throw new LeaseLost();
            }
        };
        if (mirror.mode().comments()) {
            writing(() -> comment(repo, claim, progress, lease));
        }
        boolean wanted = mirror.mode().labels() && claim.active();
        if (wanted && !Boolean.TRUE.equals(progress.labelOn())) {
            lease.run();
            writing(() -> github.addLabel(repo, claim.issueNumber(), mirror.label()));
            progress.label(true);
        } else if (!wanted && (mirror.mode().labels() ? !Boolean.FALSE.equals(progress.labelOn())
                : Boolean.TRUE.equals(progress.labelOn()))) {
            if (!otherActive) {
                lease.run();
                removeLabel(repo, claim.issueNumber(), mirror.label());
            }
            progress.label(false);
        }
    }

    private void comment(RepoName repo, MirroredClaim claim, Progress progress, Runnable lease) {
        String body = CommentText.body(claim);
        if (progress.commentId() != null) {
            lease.run();
            try {
                github.editComment(repo, progress.commentId(), body);
                return;
            } catch (GitHubNotFoundException e) {
                progress.comment(null); // deleted on GitHub: look for it by its marker, or write it anew
            }
        }
        Optional<PostedComment> existing = github.postedComments(repo, claim.issueNumber()).stream()
                .filter(c -> CommentText.isCommentOf(c.body(), claim.claimId())).findFirst();
        lease.run();
        if (existing.isPresent()) {
            progress.comment(existing.get().id());
            github.editComment(repo, existing.get().id(), body);
        } else {
            progress.comment(github.createComment(repo, claim.issueNumber(), body));
        }
    }

    private void removeLabel(RepoName repo, int number, String label) {
        try {
            writing(() -> github.removeLabel(repo, number, label));
        } catch (NotWritable e) {
            if (e.status() != 404) {
                throw e;
            }
            // 404: the issue does not carry the label (any more); there is nothing to remove
        }
    }

    /** Runs GitHub calls of a write, turning a refusal (403, 404) into {@link NotWritable}. */
    private static void writing(Runnable calls) {
        try {
            calls.run();
        } catch (GitHubForbiddenException e) {
            throw new NotWritable(403);
        } catch (GitHubNotFoundException e) {
            throw new NotWritable(404);
        }
    }
}
