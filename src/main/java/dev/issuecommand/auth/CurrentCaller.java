package dev.issuecommand.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set once its key has been checked. Read it through {@link Callers}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller value) {
        caller = value;
    }

    Caller get() {
        return caller;
    }
}
