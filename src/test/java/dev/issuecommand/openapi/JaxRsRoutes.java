package dev.issuecommand.openapi;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every route the JAX-RS resources under src/main/java serve, as {@code METHOD /path}, read by reflection. */
final class JaxRsRoutes {

    private JaxRsRoutes() {
    }

    static Set<String> all() {
        Set<String> routes = new TreeSet<>();
        for (Class<?> type : mainClasses()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(verb + " " + normalize(root.value() + "/" + (sub == null ? "" : sub.value())));
                }
            }
        }
        return routes;
    }

    /** Collapses slashes, drops a trailing one and the regular expressions of templates ({@code {id: \d+}}). */
    static String normalize(String path) {
        String clean = ("/" + path).replaceAll("/+", "/").replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}");
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }

    private static String verb(Method method) {
        return Stream.of(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(h -> h.value().toUpperCase(Locale.ROOT))
                .findFirst().orElse(null);
    }

    /** The classes compiled from src/main/java (target/classes), loaded without initializing them. */
    private static Set<Class<?>> mainClasses() {
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(dev.issuecommand.config.IssueCommandApplication.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<Class<?>> found = new java.util.HashSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .forEach(f -> {
                        String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
                        if (name.startsWith("dev.issuecommand.") && !name.endsWith("package-info")) {
                            found.add(load(name));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, JaxRsRoutes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
