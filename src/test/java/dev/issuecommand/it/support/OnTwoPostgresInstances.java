package dev.issuecommand.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a subclass of a test class marked {@link WithOwnServer} or {@link WithSharedServer} that runs the same tests,
 * with the same settings, against two server processes on one PostgreSQL database instead of one on SQLite; its
 * {@link TestServer#api()} sends each request to the other instance than the last, as a round-robin load balancer.
 * A class of its own marked with it and {@link WithSharedServer} reaches each instance through
 * {@link TestServer#instances()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OnTwoPostgresInstances {
}
