package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code agent.enrolled}: the server accepted an {@link AgentEnroll}.
 *
 * @param agentId the id the agent names itself by in {@link AgentHello}
 * @param endpointId the id of the endpoint the agent runs on
 */
public record AgentEnrolled(String agentId, String endpointId) implements Message {
    /** Validates every member. */
    public AgentEnrolled {
        Require.id(agentId, "agentId");
        Require.id(endpointId, "endpointId");
    }
}
