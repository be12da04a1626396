package dev.issuecommand.openapi;

import dev.issuecommand.logging.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The files of the API browser: our page and initializer ({@value #OWN_FILES} in the resources), and Swagger UI's
 * own files from the {@code org.webjars:swagger-ui} jar. Ours win on a name clash, so the WebJar's demo page and
 * initializer are never served. Only plain file names are looked up, so no request reaches another resource.
 */
final class SwaggerUiFiles {

    static final String OWN_FILES = "dev/issuecommand/openapi/ui/";
    static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** One name, no folder: letters, digits, {@code _} and {@code -}, with dot-separated extensions. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    private final ClasspathFiles files;
    /** Where the WebJar keeps Swagger UI's files; null when the WebJar is missing. */
    private final String webjarFiles;

    SwaggerUiFiles(ClassLoader loader) {
        this.files = new ClasspathFiles(loader);
        this.webjarFiles = webjarFolder(loader);
    }

    /** The file called {@code name} in the UI's folder; empty for anything else. */
    Optional<ClasspathFile> find(String name) throws IOException {
        if (!PLAIN_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<ClasspathFile> own = files.find(OWN_FILES + name);
        return own.isPresent() || webjarFiles == null ? own : files.find(webjarFiles + name);
    }

    /** {@code META-INF/resources/webjars/swagger-ui/<version>/}, the version read from the WebJar's Maven data. */
    private static String webjarFolder(ClassLoader loader) {
        Properties pom = new Properties();
        try (InputStream in = loader.getResourceAsStream(WEBJAR_POM)) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            JsonLog.warn("openapi.ui_webjar_unreadable", "exception", e.getClass().getName());
        }
        String version = pom.getProperty("version");
        if (version == null || !PLAIN_NAME.matcher(version).matches()) {
            JsonLog.warn("openapi.ui_webjar_missing", "resource", WEBJAR_POM);
            return null;
        }
        return "META-INF/resources/webjars/swagger-ui/" + version + "/";
    }
}
