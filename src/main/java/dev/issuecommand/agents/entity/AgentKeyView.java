package dev.issuecommand.agents.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent key as {@code GET /api/admin/agents} lists it: who, which repositories, until when; never the key. */
@Schema(name = "AgentKey", description = "An agent's key, without the key")
public record AgentKeyView(
        @Schema(name = "agent_id") String agentId,
        @Schema(name = "key_prefix", description = "The key's first part, enough to recognise it",
                example = "icak_3f9a1c0b7d2e") String keyPrefix,
        @Schema(name = "repos", description = "The repositories the agent may work on; empty: all of ALLOWED_REPOS")
        List<String> repos,
        @Schema(name = "created_at", format = "date-time") String createdAt,
        @Schema(name = "expires_at", format = "date-time") String expiresAt,
        @Schema(name = "expired") boolean expired) {
}
