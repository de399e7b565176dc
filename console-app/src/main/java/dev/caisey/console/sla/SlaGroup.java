package dev.caisey.console.sla;

import java.time.LocalDate;
import java.util.List;

/**
 * One period of the report (a day, an ISO week or a month in the organisation's zone) with the figures of the sessions
 * that connected in it. Its first and last day are those of the whole period, even where the report's range cuts it
 * (a week that starts before "from" still reads "Week of 26 Oct"), so periods of different reports compare.
 *
 * @param key the period's stable key ("2026-W47")
 * @param label the period's name for people ("Week of 16 Nov")
 * @param first the period's first day
 * @param last the period's last day
 * @param figures the figures of its sessions
 */
public record SlaGroup(String key, String label, LocalDate first, LocalDate last, SlaFigures figures) {

    /** The group of {@code rows}, all in the period of {@code grouping} that starts on {@code first}. */
    public static SlaGroup of(Grouping grouping, LocalDate first, List<SlaRow> rows) {
        return new SlaGroup(
                grouping.key(first), grouping.label(first), first, grouping.end(first), SlaFigures.of(rows));
    }
}
