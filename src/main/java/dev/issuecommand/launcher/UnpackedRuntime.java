package dev.issuecommand.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Liberty runtime of this jar build, unpacked once into {@code <root>/<jar>-<build>-<slot>} and reused by later
 * starts (so Liberty starts with its OSGi and annotation caches warm), one slot per concurrently running process,
 * each held by an OS file lock for the life of the process.
 */
final class UnpackedRuntime implements AutoCloseable {

    static final int SLOTS = 4;
    static final String COMPLETE_MARKER = ".issuecommand-unpacked";
    private static final String ROOT_ENTRY = "wlp/";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final boolean reused;
    private final FileChannel lockChannel;

    private UnpackedRuntime(Path directory, boolean reused, FileChannel lockChannel) {
        this.directory = directory;
        this.reused = reused;
        this.lockChannel = lockChannel;
    }

    /**
     * Takes the first free slot for {@code jar} under {@code root}, unpacking the runtime into it unless a complete,
     * private copy is already there; empty when every slot is busy or the root is not usable (the caller then lets
     * Liberty unpack into a temporary folder, as it does by default).
     */
    static Optional<UnpackedRuntime> claim(Path jar, Path root) throws IOException {
        Files.createDirectories(root);
        String prefix = stem(jar) + "-" + build(jar) + "-";
        for (int slot = 0; slot < SLOTS; slot++) {
            Path directory = root.resolve(prefix + slot);
            FileChannel channel = FileChannel.open(root.resolve(prefix + slot + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (tryLock(channel) == null) {
                channel.close();
                continue;
            }
            boolean reusable = Files.isRegularFile(directory.resolve(COMPLETE_MARKER))
                    && isPrivate(directory, currentUser(root));
            if (!reusable) {
                try {
                    unpack(jar, directory);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
            return Optional.of(new UnpackedRuntime(directory, reusable, channel));
        }
        return Optional.empty();
    }

    /** Deletes this user's slots of other builds of this jar that no process holds (left by earlier versions). */
    static void removeOtherBuilds(Path jar, Path root) throws IOException {
        String stem = stem(jar) + "-";
        String current = stem + build(jar) + "-";
        List<Path> locks = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, stem + "*.lock")) {
            entries.forEach(locks::add);
        }
        UserPrincipal me = currentUser(root);
        for (Path lock : locks) {
            String name = lock.getFileName().toString();
            if (name.startsWith(current)) {
                continue;
            }
            Path directory = root.resolve(name.substring(0, name.length() - ".lock".length()));
            if (Files.exists(directory) && !isPrivate(directory, me)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                if (tryLock(channel) != null) {
                    deleteTree(directory);
                    Files.deleteIfExists(lock);
                }
            }
        }
    }

    Path directory() {
        return directory;
    }

    boolean reused() {
        return reused;
    }

    /**
     * Runs the server {@code serverName} of this runtime in this JVM, the way Liberty's own runnable-jar entry point
     * does after unpacking: {@code wlp/bin/tools/ws-server.jar}'s main class with the server name. Returns when the
     * server has stopped. The slot stays locked until the process ends.
     */
    void runServer(String serverName, String[] args) throws IOException, ReflectiveOperationException {
        Path serverDir = directory.resolve("wlp/usr/servers").resolve(serverName);
        Path launchJar = directory.resolve("wlp/bin/tools/ws-server.jar");
        String mainClass;
        try (JarFile jar = new JarFile(launchJar.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        System.setProperty("wlp.ignore.user.dir.from.env", "true");
        System.setProperty("user.dir", serverDir.toString());
        System.setProperty("LOG_DIR", serverDir.resolve("logs").toString());
        URLClassLoader loader = new URLClassLoader(new URL[] {launchJar.toUri().toURL()});
        Thread.currentThread().setContextClassLoader(loader);
        List<String> serverArgs = new ArrayList<>(List.of(serverName));
        if (args.length > 0) {
            serverArgs.add("--");
            serverArgs.addAll(List.of(args));
        }
        try {
            loader.loadClass(mainClass).getMethod("main", String[].class)
                    .invoke(null, (Object) serverArgs.toArray(String[]::new));
        } finally {
            Reference.reachabilityFence(lockChannel);
        }
    }

    /** Frees the slot for another process (the launcher never does: its slot is freed when the process ends). */
    @Override
    public void close() throws IOException {
        lockChannel.close();
    }

    /** Unpacks every {@code wlp/} entry of {@code jar} into {@code directory} (owner-only), then marks it complete. */
    static void unpack(Path jar, Path directory) throws IOException {
        deleteTree(directory);
        Files.createDirectories(directory, ownerOnly());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(ROOT_ENTRY)) {
                    continue;
                }
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("jar entry outside the runtime folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith("wlp/bin/") && !entry.getName().contains(".")) {
                    target.toFile().setExecutable(true, true);
                }
            }
        }
        Files.writeString(directory.resolve(COMPLETE_MARKER), jar.toString());
    }

    /** A slot is reused (or removed) only if {@code me} owns it and nobody else may write to it. */
    static boolean isPrivate(Path directory, UserPrincipal me) throws IOException {
        if (!POSIX) {
            return true;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        return Files.getOwner(directory).equals(me)
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /**
     * This process's user, read off a file it creates in {@code root} (no user-name lookup, so a user without a
     * passwd entry works too); null where the file system has no owners.
     */
    static UserPrincipal currentUser(Path root) throws IOException {
        if (!POSIX) {
            return null;
        }
        Path probe = Files.createTempFile(root, ".owner", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }

    static FileAttribute<?>[] ownerOnly() {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The jar's name without {@code .jar}: {@code issuecommand}. */
    static String stem(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    /** Identifies one build of the jar by its size and modification time (a rebuilt jar gets a new one). */
    static String build(Path jar) throws IOException {
        long size = Files.size(jar);
        long modified = Files.getLastModifiedTime(jar).toMillis();
        return Long.toHexString(size) + Long.toHexString(modified);
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
