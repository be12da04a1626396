package dev.issuecommand.requests;

/**
 * The limits of request fields, shared by the binder ({@link JsonBody}), the OpenAPI annotations of the request
 * records and the MCP tools' input schemas, so that what is documented is what is enforced.
 */
public final class FieldLimits {

    /** Longest identifier or name: agent ids, claim and work item ids, labels, milestones. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest free text: notes, reasons. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_URL_LENGTH = 2048;
    /** Page size of the claim history. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    /** Longest wait of {@code next_issue} / {@code next_work} for work to appear ({@code wait_seconds}). */
    public static final int MAX_WAIT_SECONDS = 60;
    /** GitHub's {@code owner/name}, as {@code RepoName} checks it. */
    public static final String REPO_PATTERN = "^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$";

    private FieldLimits() {
    }
}
