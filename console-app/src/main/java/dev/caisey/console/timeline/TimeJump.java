package dev.caisey.console.timeline;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.record.event.Micros;
import dev.caisey.report.phrasebook.LocalClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads what a person types into "Jump to" as a moment of the session, in the organisation's zone: {@code 10:16},
 * {@code 10:16:30}, or with a date {@code 2026-11-17 10:16}. A time without a date means that time on the session's
 * days: the first day whose time falls within the session (so {@code 00:30} finds the half hour after midnight in a
 * session that ran from 23:00 to 01:00). It exists apart from the view model because the rules for a time of day
 * across zones and midnights deserve their own tests.
 */
final class TimeJump {
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("H:mm[:ss]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final long SECONDS_PER_MINUTE = 60;

    private TimeJump() {}

    /**
     * The index in {@code shown} of the first event row at or after the moment {@code text} means, for a session of
     * which the events {@code read} have been read.
     *
     * @throws ConsoleException with {@code BAD_INPUT} when the text is not a time or nothing shown is that late
     */
    static int index(String text, LocalClock clock, List<EventRow> read, List<TimelineRow> shown) {
        long target = target(text, clock, read.getFirst().at(), read.getLast().at());
        int index = ShownRows.atOrAfterTime(shown, target);
        if (index < 0) {
            EventRow last = ShownRows.lastEvent(shown);
            throw new ConsoleException(
                    ConsoleException.Failure.BAD_INPUT,
                    "Nothing shown happened at or after " + clock.dateTime(target) + "; the last shown event is"
                            + (last == null ? " none" : " at " + clock.dateTime(last.at())) + ".");
        }
        return index;
    }

    /**
     * The UTC microseconds {@code text} means on {@code clock}, for a session whose loaded events run from {@code
     * firstAt} to {@code lastAt}.
     *
     * @throws ConsoleException with {@code BAD_INPUT} when the text is not a time
     */
    static long target(String text, LocalClock clock, long firstAt, long lastAt) {
        String t = text == null ? "" : text.strip();
        try {
            if (DATE_TIME.matcher(t).matches()) {
                LocalDate date = LocalDate.parse(t.substring(0, 10));
                LocalTime time = LocalTime.parse(t.substring(11), CLOCK);
                return micros(LocalDateTime.of(date, time), clock);
            }
            if (TIME.matcher(t).matches()) {
                LocalTime time = LocalTime.parse(t, CLOCK);
                long precisionSeconds = t.chars().filter(c -> c == ':').count() == 1 ? SECONDS_PER_MINUTE : 1;
                return onSessionDay(time, precisionSeconds, clock, firstAt, lastAt);
            }
        } catch (DateTimeParseException e) {
            throw bad(t);
        }
        throw bad(t);
    }

    private static long onSessionDay(
            LocalTime time, long precisionSeconds, LocalClock clock, long firstAt, long lastAt) {
        LocalDate first = LocalClock.instant(firstAt).atZone(clock.zone()).toLocalDate();
        LocalDate last = LocalClock.instant(lastAt).atZone(clock.zone()).toLocalDate();
        long precisionMicros = precisionSeconds * Micros.PER_SECOND;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            long candidate = micros(LocalDateTime.of(day, time), clock);
            if (candidate + precisionMicros > firstAt) {
                return candidate;
            }
        }
        return micros(LocalDateTime.of(first, time), clock);
    }

    private static long micros(LocalDateTime local, LocalClock clock) {
        return Micros.of(local.atZone(clock.zone()).toInstant());
    }

    private static ConsoleException bad(String text) {
        return new ConsoleException(
                ConsoleException.Failure.BAD_INPUT,
                "“" + text + "” is not a time. Type it as 10:15, 10:15:30 or 2026-11-17 10:15, in the client’s zone.");
    }
}
