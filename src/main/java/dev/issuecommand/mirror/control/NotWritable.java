package dev.issuecommand.mirror.control;

/** GitHub refused a mirror write with 403 or 404: the token cannot write this repository's issues. */
final class NotWritable extends RuntimeException {

    private final int status;

    NotWritable(int status) {
        super("GitHub answered " + status + " on a write", null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
