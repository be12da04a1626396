package dev.issuecommand.openapi;

import dev.issuecommand.logging.JsonLog;
import dev.issuecommand.web.ClasspathFile;
import dev.issuecommand.web.ClasspathFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of the API browser: our page and initializer ({@value #OWN_FILES} in the resources), and Swagger UI's
 * own files from the {@code org.webjars:swagger-ui} jar. Ours win on a name clash, so the WebJar's demo page and
 * initializer are never served. Only plain file names are looked up, so no request reaches another resource.
 */
final class SwaggerUiFiles {

    static final String OWN_FILES = "dev/issuecommand/openapi/ui/";
    static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final ClasspathFiles files;
    /** Where the WebJar keeps Swagger UI's files; null when the WebJar is missing. */
    private final String webjarFiles;

    SwaggerUiFiles(ClassLoader loader) {
        this.files = new ClasspathFiles(loader);
        this.webjarFiles = webjarFolder(loader);
    }

    /** The file called {@code name} in the UI's folder; empty for anything else. */
    Optional<ClasspathFile> find(String name) throws IOException {
        Optional<ClasspathFile> own = files.findIn(OWN_FILES, name);
        return own.isPresent() || webjarFiles == null ? own : files.findIn(webjarFiles, name);
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
        if (version == null || !ClasspathFiles.isPlainName(version)) {
            JsonLog.warn("openapi.ui_webjar_missing", "resource", WEBJAR_POM);
            return null;
        }
        return "META-INF/resources/webjars/swagger-ui/" + version + "/";
    }
}
