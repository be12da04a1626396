package dev.issuecommand.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose {@link TestServer} parameters (in {@code @BeforeAll} or {@code @Test} methods) are the
 * server started once for the whole run for these {@link #settings} plus {@link #WEBHOOK_SECRET}, shared with every
 * other class asking for the same. Failsafe runs the classes one after another in one JVM; still, a class on a
 * shared server uses repositories and agent ids of its own, never expects an empty database or event stream, and
 * measures counters as before and after.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestServerExtension.class)
public @interface WithSharedServer {

    /** The {@code GITHUB_WEBHOOK_SECRET} of the shared servers: sign deliveries with it. */
    String WEBHOOK_SECRET = "shared-webhook-secret";

    /** Settings beyond the common ones, as {@code NAME=value}; each distinct set gets its own server. */
    String[] settings() default {};
}
