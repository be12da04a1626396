package dev.issuecommand.launcher;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The application's own classes and libraries ({@code WEB-INF/classes} and {@code WEB-INF/lib} of the WAR inside this
 * jar), taken out once per jar build into {@code <root>/<jar>-<build>-app} (owner-only, like the runtime's slots, and
 * removed with them when a newer build starts), for commands that run application code without Liberty: the
 * {@code agents} command line. Their class loader asks the launcher's first, so the settings and Jakarta JSON
 * Processing at the jar's root serve both.
 */
final class ApplicationClasses implements AutoCloseable {

    private static final String CLASSES = "WEB-INF/classes/";
    private static final String LIBRARIES = "WEB-INF/lib/";

    private final URLClassLoader loader;
    private final FileChannel lock;

    private ApplicationClasses(URLClassLoader loader, FileChannel lock) {
        this.loader = loader;
        this.lock = lock;
    }

    /**
     * The application's classes of {@code jar}, taken out under {@code root} unless a complete, private copy is
     * there; waits while another process of this build takes them out, and keeps them from removal until closed.
     */
    static ApplicationClasses open(Path jar, Path root) throws IOException {
        Files.createDirectories(root);
        String name = UnpackedRuntime.stem(jar) + "-" + UnpackedRuntime.build(jar) + "-app";
        Path directory = root.resolve(name);
        FileChannel channel = FileChannel.open(root.resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            channel.lock();
            boolean complete = Files.isRegularFile(directory.resolve(UnpackedRuntime.COMPLETE_MARKER))
                    && UnpackedRuntime.isPrivate(directory, UnpackedRuntime.currentUser(root));
            if (!complete) {
                unpack(jar, directory);
            }
            return new ApplicationClasses(new URLClassLoader(classPath(directory),
                    ApplicationClasses.class.getClassLoader()), channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() throws IOException {
        try {
            loader.close();
        } finally {
            lock.close();
        }
    }

    /** Writes the WAR's classes and libraries into {@code directory}, then marks it complete. */
    static void unpack(Path jar, Path directory) throws IOException {
        UnpackedRuntime.deleteTree(directory);
        Files.createDirectories(directory, UnpackedRuntime.ownerOnly());
        try (ZipFile zip = new ZipFile(jar.toFile()); ZipInputStream war = new ZipInputStream(zip.getInputStream(
                warEntry(zip)))) {
            for (ZipEntry entry = war.getNextEntry(); entry != null; entry = war.getNextEntry()) {
                String entryName = entry.getName();
                if (entry.isDirectory() || !(entryName.startsWith(CLASSES) || entryName.startsWith(LIBRARIES))) {
                    continue;
                }
                Path target = directory.resolve(entryName).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("WAR entry outside the application folder: " + entryName);
                }
                Files.createDirectories(target.getParent());
                Files.copy(war, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(directory.resolve(UnpackedRuntime.COMPLETE_MARKER), jar.toString());
    }

    /** The one application of the packaged server: {@code wlp/usr/servers/<server>/apps/<name>.war}. */
    private static ZipEntry warEntry(ZipFile zip) throws IOException {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String entryName = entry.getName();
            if (entryName.startsWith("wlp/usr/servers/") && entryName.contains("/apps/") && entryName.endsWith(".war")
                    && !entry.isDirectory()) {
                return entry;
            }
        }
        throw new IOException("no application WAR in " + zip.getName());
    }

    private static URL[] classPath(Path directory) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(directory.resolve(CLASSES).toUri().toURL());
        Path libraries = directory.resolve(LIBRARIES);
        if (Files.isDirectory(libraries)) {
            try (Stream<Path> jars = Files.list(libraries)) {
                for (Path library : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(library.toUri().toURL());
                }
            }
        }
        return urls.toArray(URL[]::new);
    }
}
