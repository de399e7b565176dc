package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * One endpoint as a console lists it (an entry of {@link Endpoints}).
 *
 * @param id the endpoint's id on the server
 * @param name its host name as a person knows it ("PRN-ACCT-01")
 * @param os its operating system as the agent last reported it
 * @param organisationId the id of the client organisation it belongs to
 * @param organisationName that organisation's name ("Harbor Accounting LLP")
 * @param online whether its agent is connected now
 * @param lastSeenAt when its agent was last connected, UTC microseconds, or {@code null} if never
 * @param agentVersion the version its agent last reported
 */
public record EndpointInfo(
        String id,
        String name,
        String os,
        String organisationId,
        String organisationName,
        boolean online,
        Long lastSeenAt,
        String agentVersion) {
    /** Validates every member; {@code lastSeenAt} is optional. */
    public EndpointInfo {
        Require.id(id, "id");
        Require.text(name, "name", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(os, "os", Limits.MAX_SHORT_TEXT_CHARS);
        Require.id(organisationId, "organisationId");
        Require.text(organisationName, "organisationName", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalMicros(lastSeenAt, "lastSeenAt");
        Require.text(agentVersion, "agentVersion", Limits.MAX_ID_CHARS);
    }
}
