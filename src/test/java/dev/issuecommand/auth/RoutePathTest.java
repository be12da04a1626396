package dev.issuecommand.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutePathTest {

    @Test
    void matrixParametersAndExtraLeadingSlashesDoNotHideARoute() {
        assertThat(RoutePath.of("/api/admin;x=1/agents")).isEqualTo("/api/admin/agents");
        assertThat(RoutePath.of("//api;a;b=2/admin;/agents;k")).isEqualTo("/api/admin/agents");
        assertThat(RoutePath.of("api/claims")).isEqualTo("/api/claims");
        assertThat(RoutePath.of("/api/claims/c-1/heartbeat")).isEqualTo("/api/claims/c-1/heartbeat");
        assertThat(RoutePath.of("")).isEqualTo("/");
    }
}
