package dev.caisey.report.phrasebook;

import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import java.util.List;
import java.util.Objects;

/**
 * The moments a session is judged by, all UTC microseconds: when it was reported and connected, the first action on
 * the computer, when the fix was verified, when the session closed. The fix counts as verified at the first passed
 * check after the last failed one; a session whose last check failed has no verified fix.
 *
 * <p>The service-level rules live here, once, for every reader of them (the headline of a report, the console's SLA
 * figures): the SLA clock starts at "reported at", or at connection when no report time was given, and stops at the
 * verified fix; the fix meets the target when it is verified no later than start + target (exactly at the target is
 * met).
 *
 * @param organisation the client organisation with its zone and SLA target, from {@code session.opened}
 * @param reportedAt when the problem was reported, or {@code null}
 * @param connectedAt when the technician connected (the session opened)
 * @param firstActionAt when the first command started on the computer, or {@code null}
 * @param verifiedAt when the fix was verified, or {@code null}
 * @param closedAt when the session closed, or {@code null} if it is still open
 * @param outcome how it ended, or {@code null} if it is still open
 */
public record Milestones(
        Organisation organisation,
        Long reportedAt,
        long connectedAt,
        Long firstActionAt,
        Long verifiedAt,
        Long closedAt,
        Outcome outcome) {
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    /** Checks that the organisation is present. */
    public Milestones {
        Objects.requireNonNull(organisation, "organisation");
    }

    /** How a session stands against its organisation's target; see {@link #slaResult()}. */
    public enum SlaResult {
        /** The fix was verified no later than the target allows. */
        MET,
        /** The fix was verified, but after the target ran out. */
        MISSED,
        /** The fix was verified, but the organisation has no target to judge it by. */
        NO_TARGET,
        /** The session closed without a verified fix (so it did not meet a target, if there was one). */
        NO_FIX,
        /** The session is still open and its fix is not verified yet. */
        OPEN
    }

    /** Where the SLA clock starts: "reported at", or connection when no report time was given. */
    public long slaStartAt() {
        return reportedAt != null ? reportedAt : connectedAt;
    }

    /** Whether the SLA clock starts at "reported at" (rather than at connection). */
    public boolean slaFromReport() {
        return reportedAt != null;
    }

    /** The organisation's target in microseconds, or {@code null} if it has none. */
    public Long slaTargetMicros() {
        Long minutes = organisation.slaTargetMinutes();
        return minutes == null ? null : minutes * MICROS_PER_MINUTE;
    }

    /** The last moment a verified fix meets the target (UTC microseconds), or {@code null} without a target. */
    public Long slaDeadlineAt() {
        Long target = slaTargetMicros();
        return target == null ? null : slaStartAt() + target;
    }

    /** From the start of the SLA clock to {@code at}, in microseconds, or {@code null} when {@code at} is. */
    public Long sinceSlaStart(Long at) {
        return at == null ? null : at - slaStartAt();
    }

    /**
     * How the session stands against its target: a verified fix is {@link SlaResult#MET} when verified at or before
     * {@link #slaDeadlineAt()}, else {@link SlaResult#MISSED} ({@link SlaResult#NO_TARGET} without a target); without a
     * verified fix it is {@link SlaResult#OPEN} while the session is open and {@link SlaResult#NO_FIX} once closed.
     */
    public SlaResult slaResult() {
        if (verifiedAt == null) {
            return closedAt == null ? SlaResult.OPEN : SlaResult.NO_FIX;
        }
        Long deadline = slaDeadlineAt();
        if (deadline == null) {
            return SlaResult.NO_TARGET;
        }
        return verifiedAt <= deadline ? SlaResult.MET : SlaResult.MISSED;
    }

    /** The milestones of a session's events, which start with {@code session.opened}. */
    public static Milestones of(List<RecordedEvent> events) {
        Collector collector = new Collector();
        events.forEach(collector::accept);
        return collector.milestones();
    }

    /** Collects milestones from events given one at a time, in order, without keeping them. */
    public static final class Collector {
        private Organisation organisation;
        private Long reportedAt;
        private long openedAt;
        private Long firstActionAt;
        private Long verifiedAt;
        private Long closedAt;
        private Outcome outcome;

        /** A collector with nothing seen yet. */
        public Collector() {}

        /** A collector that goes on from the milestones of the events before the next one it is given. */
        public static Collector resume(Milestones so) {
            Collector c = new Collector();
            c.organisation = so.organisation();
            c.reportedAt = so.reportedAt();
            c.openedAt = so.connectedAt();
            c.firstActionAt = so.firstActionAt();
            c.verifiedAt = so.verifiedAt();
            c.closedAt = so.closedAt();
            c.outcome = so.outcome();
            return c;
        }

        /** Takes the next event. */
        public void accept(RecordedEvent e) {
            if (e.event() instanceof SessionOpened o && organisation == null) {
                organisation = o.organisation();
                reportedAt = o.reportedAt();
                openedAt = e.at();
            } else if (e.event() instanceof CommandStarted && firstActionAt == null) {
                firstActionAt = e.at();
            } else if (e.event() instanceof VerificationRecorded v) {
                if (v.verdict() == Verdict.FAILED) {
                    verifiedAt = null;
                } else if (verifiedAt == null) {
                    verifiedAt = e.at();
                }
            } else if (e.event() instanceof SessionClosed c) {
                closedAt = e.at();
                outcome = c.outcome();
            }
        }

        /** The milestones so far. */
        public Milestones milestones() {
            if (organisation == null) {
                throw new IllegalStateException("a session's events start with session.opened");
            }
            return new Milestones(organisation, reportedAt, openedAt, firstActionAt, verifiedAt, closedAt, outcome);
        }
    }
}
