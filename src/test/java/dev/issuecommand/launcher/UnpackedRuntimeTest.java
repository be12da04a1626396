package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedRuntimeTest {

    @TempDir
    Path temp;

    @Test
    void unpacksOnceAndReusesTheSlotOnTheNextStart() throws IOException {
        Path jar = jar("issuecommand.jar", "wlp/usr/servers/s/server.xml", "<server/>");
        Path root = temp.resolve("root");
        Path first;
        try (UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            first = runtime.directory();
            assertThat(runtime.reused()).isFalse();
            assertThat(first.getFileName().toString()).startsWith("issuecommand-").endsWith("-0");
            assertThat(first.resolve("wlp/usr/servers/s/server.xml")).hasContent("<server/>");
            assertThat(first.resolve("META-INF")).doesNotExist();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first))).isEqualTo("rwx------");
            Files.writeString(first.resolve("wlp/usr/servers/s/warm-cache"), "kept");
        }
        try (UnpackedRuntime again = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            assertThat(again.reused()).isTrue();
            assertThat(again.directory()).isEqualTo(first);
            assertThat(first.resolve("wlp/usr/servers/s/warm-cache")).hasContent("kept");
        }
    }

    @Test
    void concurrentProcessesGetTheirOwnSlotsUpToTheLimit() throws IOException {
        Path jar = jar("issuecommand.jar", "wlp/a.txt", "a");
        Path root = temp.resolve("root");
        List<UnpackedRuntime> held = new ArrayList<>();
        try {
            for (int slot = 0; slot < UnpackedRuntime.SLOTS; slot++) {
                UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow();
                held.add(runtime);
                assertThat(runtime.directory().getFileName().toString()).endsWith("-" + slot);
                assertThat(runtime.directory().resolve("wlp/a.txt")).hasContent("a");
            }
            assertThat(UnpackedRuntime.claim(jar, root)).isEmpty();
        } finally {
            for (UnpackedRuntime runtime : held) {
                runtime.close();
            }
        }
    }

    @Test
    void anInterruptedUnpackOrAForeignWritableSlotIsUnpackedAfresh() throws IOException {
        Path jar = jar("issuecommand.jar", "wlp/a.txt", "a");
        Path root = temp.resolve("root");
        Path slot;
        try (UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            slot = runtime.directory();
        }
        Files.delete(slot.resolve(".issuecommand-unpacked"));
        Files.writeString(slot.resolve("wlp/a.txt"), "half written");
        try (UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            assertThat(runtime.reused()).isFalse();
            assertThat(slot.resolve("wlp/a.txt")).hasContent("a");
        }
        Files.setPosixFilePermissions(slot, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(slot.resolve("wlp/a.txt"), "planted");
        try (UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            assertThat(runtime.reused()).isFalse();
            assertThat(slot.resolve("wlp/a.txt")).hasContent("a");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(slot))).isEqualTo("rwx------");
        }
    }

    @Test
    void aSlotOwnedByAnotherUserIsNeitherReusedNorRemoved() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing a folder's owner needs root");
        Path jar = jar("issuecommand.jar", "wlp/a.txt", "a");
        FileTime built = Files.getLastModifiedTime(jar);
        Path root = temp.resolve("root");
        Path slot;
        try (UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            slot = runtime.directory();
        }
        UserPrincipal nobody = slot.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(slot, nobody);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() + 5_000));
        UnpackedRuntime.removeOtherBuilds(jar, root);
        assertThat(slot).as("another user's slot of an older build is left alone").exists();
        assertThat(Files.getOwner(slot)).isEqualTo(nobody);

        Files.setLastModifiedTime(jar, built);
        try (UnpackedRuntime runtime = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            assertThat(runtime.directory()).isEqualTo(slot);
            assertThat(runtime.reused()).as("another user's slot is unpacked afresh").isFalse();
            assertThat(Files.getOwner(slot)).isNotEqualTo(nobody);
        }
    }

    @Test
    void slotsOfOtherBuildsAreRemovedUnlessAProcessHoldsThem() throws IOException {
        Path root = temp.resolve("root");
        Path jar = jar("issuecommand.jar", "wlp/a.txt", "old");
        UnpackedRuntime oldHeld = UnpackedRuntime.claim(jar, root).orElseThrow();
        Path oldFree;
        try (UnpackedRuntime second = UnpackedRuntime.claim(jar, root).orElseThrow()) {
            oldFree = second.directory();
        }
        Path rebuilt = jar("issuecommand.jar", "wlp/a.txt", "new");
        Files.setLastModifiedTime(rebuilt, FileTime.fromMillis(Files.getLastModifiedTime(rebuilt).toMillis() + 5_000));
        try (UnpackedRuntime current = UnpackedRuntime.claim(rebuilt, root).orElseThrow()) {
            UnpackedRuntime.removeOtherBuilds(rebuilt, root);
            assertThat(oldFree).doesNotExist();
            assertThat(Path.of(oldFree + ".lock")).doesNotExist();
            assertThat(oldHeld.directory().resolve("wlp/a.txt")).hasContent("old");
            assertThat(current.directory().resolve("wlp/a.txt")).hasContent("new");
        } finally {
            oldHeld.close();
        }
    }

    @Test
    void anEntryEscapingTheRuntimeFolderIsRefused() throws IOException {
        Path jar = jar("evil.jar", "wlp/../../outside.txt", "x");
        assertThatThrownBy(() -> UnpackedRuntime.claim(jar, temp.resolve("root")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the runtime folder");
        assertThat(temp.resolve("outside.txt")).doesNotExist();
    }

    private Path jar(String name, String entry, String content) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("wlp/"));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
