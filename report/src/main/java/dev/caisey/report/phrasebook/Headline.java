package dev.caisey.report.phrasebook;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures a reader looks for first, worded: the headline sentence ("Connected 10:15:32, fix verified 10:16:30 — 58
 * seconds after connection; session closed 10:17:45 (EST, UTC−5)"), the same times in UTC, and the service-level
 * figures against the organisation's target, which runs from "reported at" (or, without it, from connection) to the
 * verified fix.
 */
public final class Headline {
    private final Milestones m;
    private final LocalClock clock;

    /** The headline of a session's milestones, shown on a clock in the organisation's zone. */
    public Headline(Milestones milestones, LocalClock clock) {
        this.m = milestones;
        this.clock = clock;
    }

    /** The headline of a session's milestones in the organisation's own zone. */
    public static Headline of(Milestones milestones) {
        return new Headline(milestones, LocalClock.of(milestones.organisation().timeZone()));
    }

    /** The clock the headline is told on. */
    public LocalClock clock() {
        return clock;
    }

    /** "Connected 10:15:32, fix verified 10:16:30 — 58 seconds after connection; session closed 10:17:45 (EST, UTC−5)". */
    public String sentence() {
        StringBuilder s = new StringBuilder("Connected ").append(clock.time(m.connectedAt()));
        if (m.verifiedAt() != null) {
            s.append(", fix verified ").append(clock.time(m.verifiedAt())).append(" — ");
            s.append(LocalClock.duration(m.connectedAt(), m.verifiedAt())).append(" after connection");
        } else {
            s.append(", no verified fix");
        }
        s.append(m.closedAt() == null ? "; session still open" : "; session closed " + clock.time(m.closedAt()));
        return s.append(" (")
                .append(clock.zoneLabel(m.connectedAt()))
                .append(")")
                .toString();
    }

    /** The same moments in UTC: "In UTC: connected 15:15:32, fix verified 15:16:30, closed 15:17:45". */
    public String utcSentence() {
        StringBuilder s = new StringBuilder("In UTC: connected ").append(clock.utcTime(m.connectedAt()));
        if (m.verifiedAt() != null) {
            s.append(", fix verified ").append(clock.utcTime(m.verifiedAt()));
        }
        if (m.closedAt() != null) {
            s.append(", closed ").append(clock.utcTime(m.closedAt()));
        }
        return s.toString();
    }

    /** Service-level figures as label and value pairs, in reading order. */
    public List<Figure> slaFigures() {
        List<Figure> figures = new ArrayList<>();
        long start = m.slaStartAt();
        String from = m.slaFromReport() ? " after the report" : " after connection";
        if (m.slaFromReport()) {
            figures.add(new Figure("Problem reported", clock.timeWithUtc(m.reportedAt())));
            figures.add(new Figure("Technician connected", LocalClock.duration(start, m.connectedAt()) + from));
        }
        if (m.firstActionAt() != null) {
            figures.add(
                    new Figure("First action on the computer", LocalClock.duration(start, m.firstActionAt()) + from));
        }
        figures.add(new Figure(
                "Fix verified",
                m.verifiedAt() == null ? "not verified" : LocalClock.duration(start, m.verifiedAt()) + from));
        Long target = m.slaTargetMicros();
        if (target != null) {
            figures.add(new Figure(
                    "Agreed target",
                    LocalClock.duration(0, target) + " from " + (m.slaFromReport() ? "report" : "connection")
                            + " to verified fix"));
            figures.add(new Figure("Result", verdict()));
        }
        return List.copyOf(figures);
    }

    private String verdict() {
        Long deadline = m.slaDeadlineAt();
        return switch (m.slaResult()) {
            case MET -> "target met, with " + LocalClock.duration(m.verifiedAt(), deadline) + " to spare";
            case MISSED -> "target missed by " + LocalClock.duration(deadline, m.verifiedAt());
            case OPEN -> "open; the target runs until " + clock.time(deadline);
            case NO_FIX -> "target not met";
            case NO_TARGET -> "no agreed target";
        };
    }

    /**
     * One service-level figure.
     *
     * @param label what it is ("Fix verified")
     * @param value its value in words ("14 min 20 s after the report")
     */
    public record Figure(String label, String value) {}
}
