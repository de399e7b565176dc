package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code endpoint.presence}: an endpoint's agent connected or disconnected (pushed to consoles that may see it).
 *
 * @param endpointId the endpoint's id
 * @param online whether its agent is connected now
 * @param at when the server noticed, UTC microseconds
 */
public record EndpointPresence(String endpointId, boolean online, long at) implements Message {
    /** Validates every member. */
    public EndpointPresence {
        Require.id(endpointId, "endpointId");
        Require.nonNegative(at, "at");
    }
}
