package dev.issuecommand.mirror.control;

/**
 * What GitHub is known to show of one claim while its row is being sent: the claim's comment id, if known, and
 * whether the label was last confirmed on, off, or neither (null). Written back to the row however the sending ends.
 */
final class Progress {

    private Long commentId;
    private Boolean labelOn;

    Progress(Long commentId, Boolean labelOn) {
        this.commentId = commentId;
        this.labelOn = labelOn;
    }

    Long commentId() {
        return commentId;
    }

    Boolean labelOn() {
        return labelOn;
    }

    void comment(Long id) {
        commentId = id;
    }

    void label(boolean on) {
        labelOn = on;
    }
}
