package dev.issuecommand.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs a server of its own: its {@link TestServer} parameters are one server with the
 * defaults of {@link ServerProcess} and these {@link #settings}, started for this class and stopped after it.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestServerExtension.class)
public @interface WithOwnServer {

    /** Settings as {@code NAME=value}. */
    String[] settings() default {};
}
