package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Require;

/**
 * One session in a {@link SessionsPage}: enough to list it and to know how far a mirror has to sync it.
 *
 * @param session the session id
 * @param organisationId its organisation
 * @param endpointName the endpoint's name
 * @param technician who opened it
 * @param ticket its ticket reference, if any
 * @param openedAt when it opened, UTC microseconds
 * @param closedAt when it closed, or {@code null} while open
 * @param outcome how it ended, or {@code null} while open
 * @param lastSeq the number of its last event: a mirror holding that many events is up to date
 */
public record SessionInfo(
        String session,
        String organisationId,
        String endpointName,
        String technician,
        String ticket,
        long openedAt,
        Long closedAt,
        Outcome outcome,
        long lastSeq) {
    /** Validates every member. */
    public SessionInfo {
        Require.id(session, "session");
        Require.id(organisationId, "organisationId");
        Require.text(endpointName, "endpointName", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(technician, "technician", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(ticket, "ticket", Limits.MAX_SHORT_TEXT_CHARS);
        Require.nonNegative(openedAt, "openedAt");
        Require.optionalMicros(closedAt, "closedAt");
        Require.positive(lastSeq, "lastSeq");
    }
}
