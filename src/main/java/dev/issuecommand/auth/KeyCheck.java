package dev.issuecommand.auth;

/** What checking a presented bearer token found. */
public sealed interface KeyCheck {

    /** A valid key, and who holds it. */
    record Valid(Caller caller) implements KeyCheck {
    }

    /** An agent key that was valid until it expired. */
    record Expired(String agentId) implements KeyCheck {
    }

    /** No key of this server: none sent, a wrong one, a revoked one. */
    record Unknown() implements KeyCheck {
    }
}
