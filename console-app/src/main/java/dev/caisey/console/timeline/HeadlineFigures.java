package dev.caisey.console.timeline;

import dev.caisey.report.phrasebook.Headline;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Milestones;
import java.util.List;
import java.util.Objects;

/**
 * The figures the timeline's headline strip shows: when the technician connected, first acted, verified the fix and
 * closed, in the organisation's zone, and how that compares with the organisation's target. The words are the
 * report's {@link Headline}, so the console and the PDF never disagree; this record only adds the verdict as a value
 * the view can colour.
 *
 * @param sentence "Connected 10:15:32, fix verified 10:16:30 — 58 seconds after connection; session closed 10:17:45
 *     (EST, UTC−5)"
 * @param utcSentence the same moments in UTC
 * @param moments connected, first action, verified and closed as label and local time ("—" when not yet)
 * @param sla the service-level figures against the target, in reading order
 * @param verdict whether the target was met
 */
public record HeadlineFigures(
        String sentence,
        String utcSentence,
        List<Headline.Figure> moments,
        List<Headline.Figure> sla,
        Verdict verdict) {

    /** How the session stands against the organisation's target. */
    public enum Verdict {
        /** The organisation has no target. */
        NO_TARGET,
        /** Verified within the target. */
        MET,
        /** Verified too late, or closed without a verified fix. */
        MISSED,
        /** Still open and not verified yet. */
        OPEN
    }

    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final String NOT_YET = "—";

    /** Copies the lists. */
    public HeadlineFigures {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(utcSentence, "utcSentence");
        moments = List.copyOf(moments);
        sla = List.copyOf(sla);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The figures of a session's milestones told on {@code clock}. */
    public static HeadlineFigures of(Milestones m, LocalClock clock) {
        Headline headline = new Headline(m, clock);
        List<Headline.Figure> moments = List.of(
                new Headline.Figure("Connected", clock.time(m.connectedAt())),
                new Headline.Figure("First action", time(clock, m.firstActionAt())),
                new Headline.Figure("Verified", time(clock, m.verifiedAt())),
                new Headline.Figure("Closed", time(clock, m.closedAt())));
        return new HeadlineFigures(
                headline.sentence(), headline.utcSentence(), moments, headline.slaFigures(), verdict(m));
    }

    /** The "Result" figure's words ("target met, with 3 h 2 min to spare"), or empty without a target. */
    public String result() {
        return sla.stream()
                .filter(f -> f.label().equals("Result"))
                .map(Headline.Figure::value)
                .findFirst()
                .orElse("");
    }

    private static String time(LocalClock clock, Long micros) {
        return micros == null ? NOT_YET : clock.time(micros);
    }

    private static Verdict verdict(Milestones m) {
        Long target = m.organisation().slaTargetMinutes();
        if (target == null) {
            return Verdict.NO_TARGET;
        }
        long start = m.reportedAt() != null ? m.reportedAt() : m.connectedAt();
        if (m.verifiedAt() == null) {
            return m.closedAt() == null ? Verdict.OPEN : Verdict.MISSED;
        }
        return m.verifiedAt() - start <= target * MICROS_PER_MINUTE ? Verdict.MET : Verdict.MISSED;
    }
}
