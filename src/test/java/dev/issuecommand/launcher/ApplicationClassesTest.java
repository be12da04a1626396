package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationClassesTest {

    @TempDir
    Path temp;

    @Test
    void takesTheWarsClassesAndLibrariesOutOnceAndLoadsFromThem() throws IOException {
        Path jar = runnableJar();
        Path root = temp.resolve("root");
        Path directory;
        try (ApplicationClasses classes = ApplicationClasses.open(jar, root)) {
            assertThat(text(classes.loader(), "app.txt")).isEqualTo("from WEB-INF/classes");
            assertThat(text(classes.loader(), "lib.txt")).isEqualTo("from WEB-INF/lib");
            assertThat(classes.loader().getResource("index.html")).isNull();
            try (Stream<Path> entries = Files.list(root)) {
                directory = entries.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            assertThat(directory.getFileName().toString()).startsWith("issuecommand-").endsWith("-app");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            Files.writeString(directory.resolve("WEB-INF/classes/kept.txt"), "kept");
        }
        try (ApplicationClasses again = ApplicationClasses.open(jar, root)) {
            assertThat(text(again.loader(), "kept.txt")).isEqualTo("kept");
        }
        Files.delete(directory.resolve(UnpackedRuntime.COMPLETE_MARKER));
        try (ApplicationClasses redone = ApplicationClasses.open(jar, root)) {
            assertThat(redone.loader().getResource("kept.txt")).isNull();
            assertThat(text(redone.loader(), "app.txt")).isEqualTo("from WEB-INF/classes");
        }
    }

    private Path runnableJar() throws IOException {
        Map<String, byte[]> war = new LinkedHashMap<>();
        war.put("index.html", bytes("<html/>"));
        war.put("WEB-INF/classes/app.txt", bytes("from WEB-INF/classes"));
        war.put("WEB-INF/lib/lib.jar", zip(Map.of("lib.txt", bytes("from WEB-INF/lib"))));
        Map<String, byte[]> jar = new LinkedHashMap<>();
        jar.put("wlp/usr/servers/issuecommand/server.xml", bytes("<server/>"));
        jar.put("wlp/usr/servers/issuecommand/apps/issuecommand.war", zip(war));
        return Files.write(temp.resolve("issuecommand.jar"), zip(jar));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ClassLoader loader, String resource) throws IOException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
