package dev.issuecommand.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartOnlyCodeTest {

    @Test
    void theCommandsAreQuietAndOnlyTakeC2AwayFromWholePackages() {
        List<String> commands = StartOnlyCode.commands();
        assertThat(commands.get(0)).as("without it the JVM prints every command on stdout, which is MCP's")
                .isEqualTo("quiet");
        assertThat(commands.subList(1, commands.size())).isNotEmpty()
                .allMatch(command -> command.matches("MaxNodeLimit,[a-z]+(/[a-z]+)+/\\*\\.\\*,1"));
        assertThat(StartOnlyCode.compileCommandOptions()).hasSameSizeAs(commands)
                .allMatch(option -> option.startsWith("-XX:CompileCommand="));
    }

    @Test
    void aJvmGivenTheCommandsAsOptionsOrAsTheFileWritesNothingOnStdout() throws Exception {
        List<String> inline = new ArrayList<>(StartOnlyCode.compileCommandOptions());
        inline.add("-version");
        assertThat(javaStdout(inline)).isEmpty();

        Path file = Path.of(StartOnlyCode.class.getResource(StartOnlyCode.RESOURCE).toURI());
        assertThat(javaStdout(List.of("-XX:CompileCommandFile=" + file, "-version"))).isEmpty();
    }

    /** What {@code java <arguments>} printed on stdout; it must exit with 0. */
    private static String javaStdout(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process java = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).isZero();
        return stdout;
    }
}
