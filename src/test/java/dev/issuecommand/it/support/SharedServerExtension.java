package dev.issuecommand.it.support;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link SharedServer} parameters: starts the server for the class's {@link WithSharedServer#settings} the
 * first time any class asks, and keeps it in the root store, which closes it at the end of the run.
 */
public final class SharedServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SharedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Map<String, String> settings = settings(context.getRequiredTestClass());
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(settings, SharedServerExtension::start,
                SharedServer.class);
    }

    private static SharedServer start(Map<String, String> settings) {
        try {
            return SharedServer.start(settings);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ParameterResolutionException("the shared server did not start", e);
        }
    }

    private static Map<String, String> settings(Class<?> testClass) {
        Map<String, String> settings = new TreeMap<>();
        AnnotationSupport.findAnnotation(testClass, WithSharedServer.class).ifPresent(shared -> Arrays
                .stream(shared.settings()).map(setting -> setting.split("=", 2))
                .forEach(pair -> settings.put(pair[0], pair.length > 1 ? pair[1] : "")));
        return settings;
    }
}
