package dev.caisey.record.export;

import dev.caisey.record.event.Event;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Require;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import java.util.List;

/**
 * The headline of a session, derived entirely from its events, so a reader of an export can see at a glance what it
 * is about. The verifier recomputes it and refuses an export whose summary says something else.
 *
 * @param id the session id
 * @param organisation the client organisation's name
 * @param timeZone the organisation's IANA time zone
 * @param endpoint the endpoint's name
 * @param technician the name of the technician who opened the session
 * @param ticket the ticket reference, if given
 * @param reportedAt when the problem was reported (UTC microseconds), if given
 * @param openedAt when the session opened (UTC microseconds)
 * @param closedAt when it closed, if it did
 * @param outcome how it ended ({@code resolved}, …), if it did
 * @param eventCount the number of events
 */
public record SessionSummary(
        String id,
        String organisation,
        String timeZone,
        String endpoint,
        String technician,
        String ticket,
        Long reportedAt,
        long openedAt,
        Long closedAt,
        String outcome,
        long eventCount) {

    /** Validates the required members. */
    public SessionSummary {
        Require.id(id, "id");
        Require.present(organisation, "organisation");
        Require.present(timeZone, "timeZone");
        Require.present(endpoint, "endpoint");
        Require.present(technician, "technician");
        Require.positive(eventCount, "eventCount");
    }

    /**
     * The summary of a session's events.
     *
     * @throws IllegalArgumentException if the list is empty or does not start with {@code session.opened}
     */
    public static SessionSummary of(List<RecordedEvent> events) {
        if (events.isEmpty() || !(events.getFirst().event() instanceof SessionOpened opened)) {
            throw new IllegalArgumentException("a session's events start with session.opened");
        }
        RecordedEvent first = events.getFirst();
        RecordedEvent last = events.getLast();
        Event lastEvent = last.event();
        boolean closed = lastEvent instanceof SessionClosed;
        return new SessionSummary(
                first.session(),
                opened.organisation().name(),
                opened.organisation().timeZone(),
                opened.endpoint().name(),
                first.actor().name(),
                opened.ticket(),
                opened.reportedAt(),
                first.at(),
                closed ? last.at() : null,
                lastEvent instanceof SessionClosed c ? c.outcome().wireName() : null,
                events.size());
    }
}
