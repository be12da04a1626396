package dev.issuecommand.auth;

/** Checks agent keys against the stored ones; the {@code agents} feature implements it. */
public interface AgentKeyLookup {

    /** Checks {@code token}, a bearer token that is not the shared key. */
    KeyCheck check(String token);
}
