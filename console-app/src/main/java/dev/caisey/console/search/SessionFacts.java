package dev.caisey.console.search;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionOpened;
import java.util.Objects;

/**
 * What is known of a whole session when one of its events is indexed: which client organisation it is for, the
 * endpoint it worked on and the technician who opened it. Every indexed event carries these, so the search can be
 * narrowed by them without a join, and they come from one place: the session's first event, {@code session.opened}.
 *
 * @param session the session id
 * @param organisationId the client organisation's id (the filter's key)
 * @param organisationName its name as people know it (the drop-down's label)
 * @param endpointName the endpoint's host name
 * @param technician the name of the technician who opened the session
 */
public record SessionFacts(
        String session, String organisationId, String organisationName, String endpointName, String technician) {

    /** Checks every member is present. */
    public SessionFacts {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(organisationName, "organisationName");
        Objects.requireNonNull(endpointName, "endpointName");
        Objects.requireNonNull(technician, "technician");
    }

    /**
     * The facts of a session, read from its first event.
     *
     * @throws ConsoleException ({@link ConsoleException.Failure#BROKEN_RECORD}) if {@code first} is not event 1 or not
     *     a {@code session.opened}
     */
    public static SessionFacts of(RecordedEvent first) {
        if (first.seq() != 1 || !(first.event() instanceof SessionOpened opened)) {
            throw new ConsoleException(
                    ConsoleException.Failure.BROKEN_RECORD,
                    "The facts of session " + first.session() + " come from its event 1, a session.opened; found event "
                            + first.seq() + ", a " + first.type().wireName() + ".");
        }
        return new SessionFacts(
                first.session(),
                opened.organisation().id(),
                opened.organisation().name(),
                opened.endpoint().name(),
                first.actor().name());
    }
}
