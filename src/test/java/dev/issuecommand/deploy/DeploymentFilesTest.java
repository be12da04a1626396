package dev.issuecommand.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the deployment files: the compose file's hardening, the scale proxy's routing, the systemd unit's
 * sandbox, the server JVM options of the container and the unit.
 */
class DeploymentFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyComposeContainerIsHardened() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        assertThat(services).containsKeys("issuecommand", "postgres", "issuecommand-a", "issuecommand-b", "proxy");
        services.forEach((name, service) -> {
            assertThat(service.get("read_only")).as(name).isEqualTo(true);
            assertThat((List<String>) service.get("cap_drop")).as(name).containsExactly("ALL");
            assertThat((List<String>) service.get("security_opt")).as(name).contains("no-new-privileges:true");
            assertThat((List<String>) service.get("tmpfs")).as(name).anyMatch(t -> t.startsWith("/tmp"));
            assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeServiceKeepsItsSqliteFileInAVolume() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Object> service = ((Map<String, Map<String, Object>>) compose.get("services")).get("issuecommand");
        assertThat((List<String>) service.get("volumes")).containsExactly("issuecommand_data:/app/data");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("issuecommand_data");
        assertThat((Map<String, Object>) service.get("environment"))
                .containsEntry("SQLITE_PATH", "/app/data/issuecommand.db");
        assertThat(((Map<String, Object>) service.get("healthcheck")).get("test").toString())
                .contains("Authorization: Bearer").contains("/api/health");
        assertThat((List<String>) service.get("env_file")).containsExactly("../.env");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScaleReplicasFindTheDatabaseAndTrustTheProxy() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        Map<String, Object> replica = (Map<String, Object>) services.get("issuecommand-b").get("environment");
        assertThat(replica).containsKeys("DATABASE_URL", "DATABASE_PASSWORD").containsEntry("TRUST_PROXY", "true");
        assertThat(replica.get("DATABASE_URL").toString()).doesNotContain(":${");
    }

    /** The compose file, read by SnakeYAML, which resolves its merge keys ({@code <<: *hardened}). */
    private static Map<String, Object> compose() throws Exception {
        return new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    }

    @Test
    void theScaleProxyKeepsEachMcpClientOnTheReplicaHoldingItsSession() throws Exception {
        String conf = Files.readString(Path.of("docker/nginx-scale.conf")).replaceAll("#[^\n]*", "");
        List<String> mcp = upstreamOf(conf, "location /mcp");
        assertThat(mcp).contains("hash $remote_addr consistent");
        List<String> rest = upstreamOf(conf, "location /");
        assertThat(rest).as("everything else round robin").noneMatch(directive -> directive.startsWith("hash"));
        assertThat(servers(mcp)).containsExactlyElementsOf(servers(rest)).hasSize(2)
                .anyMatch(server -> server.startsWith("server issuecommand-a:3100 "))
                .anyMatch(server -> server.startsWith("server issuecommand-b:3100 "));
    }

    @Test
    void dockerfileRunsTheJarUnprivileged() throws Exception {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("USER 10001").contains("-jar\", \"/app/issuecommand.jar\"")
                .contains("HEALTHCHECK").contains("/api/health").contains("WLP_JAR_EXTRACT_ROOT=/tmp");
    }

    @Test
    void systemdUnitIsSandboxedWithOnlyTheDataDirectoryWritable() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docker/systemd/issuecommand.service"));
        assertThat(lines).contains("NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
                "User=issuecommand", "ReadWritePaths=/var/lib/issuecommand", "EnvironmentFile=/etc/issuecommand/issuecommand.env",
                "StandardInput=null", "CapabilityBoundingSet=");
        assertThat(lines).filteredOn(l -> l.startsWith("ReadWritePaths=")).hasSize(1);
        assertThat(lines).anyMatch(l -> l.startsWith("ExecStart=/usr/bin/java") && l.contains("-jar /opt/issuecommand/issuecommand.jar"));
    }

    @Test
    void theContainerAndTheSystemdUnitGiveTheServerJvmTheStartOnlyCompileCommands() throws Exception {
        String source = "src/main/resources/dev/issuecommand/launcher/start-only-code.compile-commands";
        assertThat(Path.of(source)).isRegularFile();
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY " + source + " /app/start-only-code.compile-commands")
                .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:CompileCommandFile=/app/start-only-code.compile-commands");
        assertThat(Files.readAllLines(Path.of("docker/systemd/issuecommand.service")))
                .anyMatch(l -> l.startsWith("ExecStart=/usr/bin/java")
                        && l.contains("-XX:CompileCommandFile=/opt/issuecommand/start-only-code.compile-commands -jar"));
        assertThat(Files.readString(Path.of("README.md"))).as("the README's install steps put the file there")
                .contains("sudo install -m 0644 " + source + " /opt/issuecommand/");
    }

    /** The directives of the upstream that the block {@code header} of the nginx file {@code conf} passes to. */
    private static List<String> upstreamOf(String conf, String header) {
        String pass = directives(conf, header).stream().filter(d -> d.startsWith("proxy_pass http://")).findFirst()
                .orElseThrow(() -> new AssertionError(header + " passes to no upstream"));
        return directives(conf, "upstream " + pass.substring("proxy_pass http://".length()));
    }

    /** The directives, one space between words, of the block {@code header} (a block with no block inside). */
    private static List<String> directives(String conf, String header) {
        Matcher block = Pattern.compile(Pattern.quote(header) + "\\s*\\{([^{}]*)}").matcher(conf);
        assertThat(block.find()).as("a block " + header).isTrue();
        return Arrays.stream(block.group(1).split(";")).map(d -> d.strip().replaceAll("\\s+", " "))
                .filter(d -> !d.isEmpty()).toList();
    }

    private static List<String> servers(List<String> upstream) {
        return upstream.stream().filter(directive -> directive.startsWith("server ")).toList();
    }
}
