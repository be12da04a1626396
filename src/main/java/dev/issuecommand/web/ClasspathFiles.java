package dev.issuecommand.web;

import java.io.IOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Looks up files of the types the web pages use in a class path, and remembers the ones it found. */
public final class ClasspathFiles {

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "yaml", "application/yaml",
            "json", "application/json",
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");
    /** One name, no folder: letters, digits, {@code _} and {@code -}, with dot-separated extensions. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    private final ClassLoader loader;
    /** Only files that exist: a lookup of a missing name, which anyone can ask for, is never remembered. */
    private final Map<String, ClasspathFile> found = new ConcurrentHashMap<>();

    public ClasspathFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file at resource path {@code resource}; empty when there is none or its type is not served. */
    public Optional<ClasspathFile> find(String resource) throws IOException {
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

    /**
     * The file called {@code name} in resource folder {@code folder}; empty for a name that is not one plain file name
     * (so no request reaches another resource).
     */
    public Optional<ClasspathFile> findIn(String folder, String name) throws IOException {
        return isPlainName(name) ? find(folder + name) : Optional.empty();
    }

    /** True for one plain file name: no folder, no {@code ..}, an extension. */
    public static boolean isPlainName(String name) {
        return PLAIN_NAME.matcher(name).matches();
    }

    private static String extension(String resource) {
        int dot = resource.lastIndexOf('.');
        return dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
