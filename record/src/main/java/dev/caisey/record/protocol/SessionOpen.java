package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code session.open}: a technician opens a session on an online endpoint; the server records {@code
 * session.opened} and answers with {@link SessionCreated}.
 *
 * @param endpointId the endpoint to work on
 * @param ticket the client's ticket reference, or {@code null}
 * @param reportedAt when the client reported the problem, UTC microseconds, or {@code null} (SLA figures count from
 *     it)
 */
public record SessionOpen(String endpointId, String ticket, Long reportedAt) implements Message {
    /** Validates every member; {@code ticket} and {@code reportedAt} are optional. */
    public SessionOpen {
        Require.id(endpointId, "endpointId");
        Require.optionalText(ticket, "ticket", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalMicros(reportedAt, "reportedAt");
    }
}
