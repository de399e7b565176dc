package dev.caisey.console.sla;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How sessions are put together for the figures: by local day, by ISO week (Monday to Sunday) or by calendar month,
 * always as dates in the organisation's zone. Each period has a stable key for files ("2026-11-17", "2026-W47",
 * "2026-11") and a label for people ("Tue 17 Nov", "Week of 16 Nov", "November 2026").
 */
public enum Grouping {
    /** One period per local day. */
    DAY,
    /** One period per ISO week, Monday first. */
    WEEK,
    /** One period per calendar month. */
    MONTH;

    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter WEEK_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

    /** The first day of the period that holds {@code day}. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The last day of the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** The period's key for files: "2026-11-17", "2026-W47" (ISO week-based year), "2026-11". */
    public String key(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK ->
                String.format(
                        Locale.ROOT,
                        "%d-W%02d",
                        start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    /** The period's label for people: "Tue 17 Nov", "Week of 16 Nov", "November 2026". */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> DAY_LABEL.format(start);
            case WEEK -> "Week of " + WEEK_LABEL.format(start);
            case MONTH -> MONTH_LABEL.format(start);
        };
    }

    /** The lower-case word, as the command line takes it: "day", "week", "month". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The grouping for "day", "week" or "month" (any case); anything else is refused in words. */
    public static Grouping ofWord(String word) {
        for (Grouping g : values()) {
            if (g.word().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return g;
            }
        }
        throw new ConsoleException(
                Failure.BAD_INPUT, "Group the figures by day, week or month; '" + word + "' is none of these.");
    }
}
