package dev.caisey.console.sla;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.mirror.MirroredSession;
import dev.caisey.report.phrasebook.Milestones;
import java.time.ZoneId;

/**
 * One session as the SLA figures need it: its id, the endpoint and technician a manager recognises it by, and its
 * {@link Milestones} (which carry the organisation with its zone and target as they were when the session opened).
 * It exists so that whoever gathers sessions (the local mirror, a test) hands the figures one plain value per session
 * and nothing about where it came from.
 *
 * @param session the session id
 * @param endpoint the endpoint's name ("PRN-ACCT-01")
 * @param technician the technician's name
 * @param milestones the moments the session is judged by
 */
public record SessionTimes(String session, String endpoint, String technician, Milestones milestones) {

    /** Checks that every part is there. */
    public SessionTimes {
        require(session, "session id");
        require(endpoint, "endpoint name");
        require(technician, "technician");
        if (milestones == null) {
            throw new ConsoleException(Failure.BAD_INPUT, "The session " + session + " has no milestones.");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConsoleException(Failure.BAD_INPUT, "A session for the SLA figures has no " + what + ".");
        }
    }

    /** The times of a session held in the local mirror. */
    public static SessionTimes of(MirroredSession s) {
        return new SessionTimes(s.id(), s.endpointName(), s.technician(), s.milestones());
    }

    /** The id of the organisation the session was for. */
    public String organisationId() {
        return milestones.organisation().id();
    }

    /** The zone of the organisation as it was when the session opened. */
    public ZoneId zone() {
        return ZoneId.of(milestones.organisation().timeZone());
    }
}
