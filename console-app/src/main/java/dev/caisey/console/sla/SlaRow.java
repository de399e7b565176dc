package dev.caisey.console.sla;

import dev.caisey.record.event.Micros;
import dev.caisey.report.phrasebook.Milestones;
import dev.caisey.report.phrasebook.Milestones.SlaResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * One session's line in the SLA figures: who and where, its moments, its four measures and how it stands against its
 * target. It exists so the table, the CSV and the JSON read the same derived values instead of each working them out
 * from the milestones again.
 *
 * @param times the session
 * @param zone the organisation's zone the report is told in
 * @param day the local day the technician connected on, in that zone
 */
public record SlaRow(SessionTimes times, ZoneId zone, LocalDate day) {

    /** A row for {@code times}, its day taken from connection in {@code zone}. */
    public static SlaRow of(SessionTimes times, ZoneId zone) {
        return new SlaRow(
                times,
                zone,
                Micros.toInstant(times.milestones().connectedAt()).atZone(zone).toLocalDate());
    }

    public String session() {
        return times.session();
    }

    public String endpoint() {
        return times.endpoint();
    }

    public String technician() {
        return times.technician();
    }

    public Milestones milestones() {
        return times.milestones();
    }

    /** The session's value of {@code measure}, or {@code null}. */
    public Duration measure(Measure measure) {
        return measure.of(times.milestones());
    }

    /** How it stands against its target. */
    public SlaResult result() {
        return times.milestones().slaResult();
    }

    /** The target in force when the session opened, in minutes, or {@code null}. */
    public Long targetMinutes() {
        return times.milestones().organisation().slaTargetMinutes();
    }

    /** The result in plain words, as tables and files show it: "met", "missed", "no target", "no fix", "open". */
    public String resultWord() {
        return word(result());
    }

    /** A result in plain words. */
    public static String word(SlaResult result) {
        return result.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A record time (UTC microseconds) as an instant, or {@code null}. */
    public static Instant instant(Long micros) {
        return micros == null ? null : Micros.toInstant(micros);
    }
}
