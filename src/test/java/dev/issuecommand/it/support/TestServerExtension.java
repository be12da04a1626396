package dev.issuecommand.it.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link TestServer} parameters. For a class marked {@link WithSharedServer}, the server of its settings
 * is kept in the root store: started when the first class asks, reused by the others in the same JVM, closed when
 * the run ends. For a class marked {@link WithOwnServer}, it is kept in the class's store and closed after the class.
 * A class also marked {@link OnTwoPostgresInstances} gets two instances on PostgreSQL instead, kept the same way.
 */
public final class TestServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        boolean onPostgres = AnnotationSupport.isAnnotated(testClass, OnTwoPostgresInstances.class);
        var shared = AnnotationSupport.findAnnotation(testClass, WithSharedServer.class);
        if (shared.isPresent()) {
            Map<String, String> settings = settings(shared.get().settings());
            settings.putIfAbsent("GITHUB_WEBHOOK_SECRET", WithSharedServer.WEBHOOK_SECRET);
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(List.of(settings, onPostgres),
                    key -> TestServer.create(settings, onPostgres), TestServer.class);
        }
        WithOwnServer own = AnnotationSupport.findAnnotation(testClass, WithOwnServer.class)
                .orElseThrow(() -> new ParameterResolutionException(
                        testClass + " is marked neither @WithSharedServer nor @WithOwnServer"));
        return classContext(context).getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                key -> TestServer.create(settings(own.settings()), onPostgres), TestServer.class);
    }

    /** The context of the test class itself, also when asked from one of its methods. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    private static Map<String, String> settings(String[] pairs) {
        Map<String, String> settings = new TreeMap<>();
        Arrays.stream(pairs).map(pair -> pair.split("=", 2))
                .forEach(pair -> settings.put(pair[0], pair.length > 1 ? pair[1] : ""));
        return settings;
    }
}
