package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code session.opened}: a technician opened a session on an endpoint (always event 1). */
public record SessionOpened(Endpoint endpoint, Organisation organisation, String ticket, Long reportedAt)
        implements Event {
    /** Validates every member; {@code ticket} and {@code reportedAt} (UTC microseconds) are optional. */
    public SessionOpened {
        Require.present(endpoint, "endpoint");
        Require.present(organisation, "organisation");
        Require.optionalText(ticket, "ticket", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalMicros(reportedAt, "reportedAt");
    }
}
