package dev.issuecommand.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class whose tests take a {@link SharedServer} parameter (in {@code @BeforeAll}, {@code @Test} or a
 * constructor): the one started for these {@link #settings}, shared with every other class asking for the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedServerExtension.class)
public @interface WithSharedServer {

    /** Settings beyond the common ones, as {@code NAME=value}; each distinct set gets its own server. */
    String[] settings() default {};
}
