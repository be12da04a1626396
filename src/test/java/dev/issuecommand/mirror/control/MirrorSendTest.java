package dev.issuecommand.mirror.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.issuecommand.config.settings.ClaimMirrorSettings;
import dev.issuecommand.config.settings.ClaimMirrorSettings.Mode;
import dev.issuecommand.github.GitHubClient;
import dev.issuecommand.github.GitHubForbiddenException;
import dev.issuecommand.github.GitHubNotFoundException;
import dev.issuecommand.github.PostedComment;
import dev.issuecommand.github.RepoName;
import dev.issuecommand.mirror.entity.MirroredClaim;
import dev.issuecommand.mirror.entity.OutboxRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desired-state rules: which GitHub calls one outbox row makes, and what they leave known. */
class MirrorSendTest {

    private static final MirroredClaim ACTIVE = new MirroredClaim("c-1", "agent-7", "acme/widgets", 4, "claimed", null,
            true);
    private static final MirroredClaim ENDED = new MirroredClaim("c-1", "agent-7", "acme/widgets", 4, "released", null,
            false);

    private final FakeClient github = new FakeClient();
    private final MirrorSend send = new MirrorSend();

    MirrorSendTest() {
        send.github = github;
    }

    @Test
    void aNewClaimGetsACommentAndTheLabel() {
        Progress progress = send(ACTIVE, null, null, Mode.BOTH, false);
        assertThat(github.calls).containsExactly("list 4", "create 4", "label+ 4 agent-working");
        assertThat(progress.commentId()).isEqualTo(100L);
        assertThat(progress.labelOn()).isTrue();
    }

    @Test
    void aKnownCommentIsEditedAndAKnownLabelLeftAlone() {
        Progress progress = send(ACTIVE, 55L, true, Mode.BOTH, false);
        assertThat(github.calls).containsExactly("edit 55");
        assertThat(progress.commentId()).isEqualTo(55L);
    }

    @Test
    void aCommentWhoseIdWasNeverRecordedIsFoundByItsMarkerAndEdited() {
        github.existing.add(new PostedComment(7, "someone else's comment"));
        github.existing.add(new PostedComment(42, CommentText.body(ACTIVE)));
        Progress progress = send(ACTIVE, null, null, Mode.COMMENT, false);
        assertThat(github.calls).containsExactly("list 4", "edit 42");
        assertThat(progress.commentId()).isEqualTo(42L);
    }

    @Test
    void aCommentDeletedOnGitHubIsWrittenAnew() {
        github.editMissing = true;
        Progress progress = send(ACTIVE, 55L, null, Mode.COMMENT, false);
        assertThat(github.calls).containsExactly("edit 55", "list 4", "create 4");
        assertThat(progress.commentId()).isEqualTo(100L);
    }

    @Test
    void anEndedClaimTakesTheLabelOffEvenWhenItsAddingWasNeverConfirmed() {
        Progress progress = send(ENDED, 55L, null, Mode.BOTH, false);
        assertThat(github.calls).containsExactly("edit 55", "label- 4 agent-working");
        assertThat(progress.labelOn()).isFalse();
    }

    @Test
    void theLabelStaysWhenAnotherClaimOfTheIssueIsActive() {
        Progress progress = send(ENDED, null, true, Mode.LABEL, true);
        assertThat(github.calls).isEmpty();
        assertThat(progress.labelOn()).isFalse();
    }

    @Test
    void aLabelAlreadyGoneIsNoFailure() {
        github.labelMissing = true;
        assertThat(send(ENDED, null, true, Mode.LABEL, false).labelOn()).isFalse();
    }

    @Test
    void inCommentModeNoLabelIsTouched() {
        send(ENDED, 55L, null, Mode.COMMENT, false);
        assertThat(github.calls).containsExactly("edit 55");
    }

    @Test
    void aRefusedWriteIsNotWritableAndWhatWasDoneIsKept() {
        github.forbidden = true;
        Progress progress = new Progress(null, null);
        assertThatThrownBy(() -> send.send(new OutboxRow(ACTIVE, 1, null, null, 0),
                new ClaimMirrorSettings(Mode.BOTH, "agent-working"), progress, false, () -> true))
                .isInstanceOfSatisfying(NotWritable.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(progress.commentId()).isNull();
    }

    @Test
    void aLostLeaseStopsBeforeAnyWrite() {
        assertThatThrownBy(() -> send.send(new OutboxRow(ACTIVE, 1, null, null, 0),
                new ClaimMirrorSettings(Mode.BOTH, "agent-working"), new Progress(null, null), false, () -> false))
                .isInstanceOf(MirrorSend.LeaseLost.class);
        assertThat(github.calls).containsExactly("list 4");
    }

    private Progress send(MirroredClaim claim, Long commentId, Boolean labelOn, Mode mode, boolean otherActive) {
        Progress progress = new Progress(commentId, labelOn);
        send.send(new OutboxRow(claim, 1, commentId, labelOn, 0), new ClaimMirrorSettings(mode, "agent-working"),
                progress, otherActive, () -> true);
        return progress;
    }

    /** GitHub's side, recording each call. */
    static final class FakeClient extends GitHubClient {

        final List<String> calls = new ArrayList<>();
        final List<PostedComment> existing = new ArrayList<>();
        boolean editMissing;
        boolean labelMissing;
        boolean forbidden;

        @Override
        public List<PostedComment> postedComments(RepoName repo, int number) {
            calls.add("list " + number);
            return existing;
        }

        @Override
        public long createComment(RepoName repo, int number, String body) {
            if (forbidden) {
                throw new GitHubForbiddenException("GitHub answered 403");
            }
            calls.add("create " + number);
            return 100;
        }

        @Override
        public void editComment(RepoName repo, long commentId, String body) {
            calls.add("edit " + commentId);
            if (editMissing) {
                throw new GitHubNotFoundException("gone");
            }
        }

        @Override
        public void addLabel(RepoName repo, int number, String label) {
            calls.add("label+ " + number + " " + label);
        }

        @Override
        public void removeLabel(RepoName repo, int number, String label) {
            calls.add("label- " + number + " " + label);
            if (labelMissing) {
                throw new GitHubNotFoundException("no label");
            }
        }
    }
}
