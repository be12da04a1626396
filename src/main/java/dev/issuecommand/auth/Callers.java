package dev.issuecommand.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the work on this thread is done for: the caller of the HTTP request or MCP tool call being served, or nobody
 * (a sweep, a sync, a webhook delivery), which the repository rules and the audit treat as the server itself.
 */
@ApplicationScoped
public class Callers {

    @Inject
    CurrentCaller current;

    @Inject
    BeanManager beans;

    @Inject
    Instance<RequestContextController> contexts;

    /** The caller being served on this thread; empty for the server's own work. */
    public Optional<Caller> current() {
        try {
            if (!beans.getContext(RequestScoped.class).isActive()) {
                return Optional.empty();
            }
            return Optional.ofNullable(current.get());
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }

    /** The caller of the authenticated request or tool call being served. */
    public Caller sender() {
        return current().orElseThrow(() -> new IllegalStateException("no caller: the request was not authenticated"));
    }

    /** The principal recorded with a change made now: {@code admin}, {@code agent:<id>} or {@code system}. */
    public String principal() {
        return current().map(Caller::principal).orElse("system");
    }

    /** Records {@code caller} as the caller of the request being served. */
    public void serve(Caller caller) {
        current.set(caller);
    }

    /** Runs {@code work} for {@code caller} on a thread outside any request (an MCP tool call). */
    public <T> T as(Caller caller, Supplier<T> work) {
        RequestContextController context = contexts.get();
        boolean activated = context.activate();
        try {
            Caller previous = current.get();
            current.set(caller);
            try {
                return work.get();
            } finally {
                current.set(previous);
            }
        } finally {
            if (activated) {
                context.deactivate();
            }
            contexts.destroy(context);
        }
    }
}
