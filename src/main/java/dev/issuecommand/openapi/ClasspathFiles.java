package dev.issuecommand.openapi;

import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Looks up files of the types this package serves in a class path, and remembers the ones it found. */
final class ClasspathFiles {

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "yaml", "application/yaml",
            "json", "application/json",
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "png", "image/png");

    private final ClassLoader loader;
    /** Only files that exist: a lookup of a missing name, which anyone can ask for, is never remembered. */
    private final Map<String, ClasspathFile> found = new ConcurrentHashMap<>();

    ClasspathFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file at resource path {@code resource}; empty when there is none or its type is not served. */
    Optional<ClasspathFile> find(String resource) throws IOException {
        ClasspathFile known = found.get(resource);
        if (known != null) {
            return Optional.of(known);
        }
        String type = MEDIA_TYPES.get(extension(resource));
        URL location = type == null ? null : loader.getResource(resource);
        if (location == null) {
            return Optional.empty();
        }
        ClasspathFile file = ClasspathFile.read(location, type);
        found.putIfAbsent(resource, file);
        return Optional.of(file);
    }

    private static String extension(String resource) {
        int dot = resource.lastIndexOf('.');
        return dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
