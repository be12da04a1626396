package dev.issuecommand.config;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: routes live under {@code /api} and {@code /sse} (docs/behaviour.md §8). */
@ApplicationPath("/")
public class IssueCommandApplication extends Application {
}
