package dev.caisey.console.sla;

import dev.caisey.report.phrasebook.Milestones.SlaResult;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of some sessions (one period, or the whole report): how many, the {@link Stats} of each {@link
 * Measure}, and how many met the target, missed it, had a verified fix but no target, closed without a verified fix, or
 * are still open without one; the five counts add up to the number of sessions. Each session is judged against the
 * target in force when it opened; {@link #targetMinutes()} is the one of the latest session, the target now in force.
 *
 * @param sessions how many sessions
 * @param measures the summary of each measure (every measure is present)
 * @param withinTarget fix verified no later than the target
 * @param missedTarget fix verified after the target
 * @param noTarget fix verified, but no target agreed
 * @param noVerifiedFix closed without a verified fix
 * @param stillOpen open, fix not verified yet
 * @param targetMinutes the target of the latest session, or {@code null} if it had none (or there were no sessions)
 */
public record SlaFigures(
        int sessions,
        Map<Measure, Stats> measures,
        int withinTarget,
        int missedTarget,
        int noTarget,
        int noVerifiedFix,
        int stillOpen,
        Long targetMinutes) {

    /** Keeps the measures unmodifiable. */
    public SlaFigures {
        measures = Collections.unmodifiableMap(new EnumMap<>(measures));
    }

    /** The figures of {@code rows}. */
    public static SlaFigures of(List<SlaRow> rows) {
        Map<Measure, Stats> measures = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            measures.put(m, Stats.of(rows.stream().map(r -> r.measure(m)).toList()));
        }
        Map<SlaResult, Integer> counts = new EnumMap<>(SlaResult.class);
        for (SlaResult r : SlaResult.values()) {
            counts.put(r, 0);
        }
        rows.forEach(r -> counts.merge(r.result(), 1, Integer::sum));
        Long target = rows.stream()
                .max(Comparator.comparingLong((SlaRow r) -> r.milestones().connectedAt()))
                .map(SlaRow::targetMinutes)
                .orElse(null);
        return new SlaFigures(
                rows.size(),
                measures,
                counts.get(SlaResult.MET),
                counts.get(SlaResult.MISSED),
                counts.get(SlaResult.NO_TARGET),
                counts.get(SlaResult.NO_FIX),
                counts.get(SlaResult.OPEN),
                target);
    }

    /** The summary of one measure. */
    public Stats stats(Measure measure) {
        return measures.get(measure);
    }

    /** How many sessions had {@code result}. */
    public int count(SlaResult result) {
        return switch (result) {
            case MET -> withinTarget;
            case MISSED -> missedTarget;
            case NO_TARGET -> noTarget;
            case NO_FIX -> noVerifiedFix;
            case OPEN -> stillOpen;
        };
    }
}
