package dev.caisey.report.phrasebook;

import dev.caisey.record.event.Micros;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Shows record times (UTC microseconds) to a person in their organisation's zone, always with the zone named and UTC
 * available beside it: "10:15:32", "EST, UTC−5", "Tuesday 17 November 2026". Durations read "58 seconds", "14 min 20
 * s", "3 h 45 min". Times are truncated to the second, never rounded up, so a displayed time is never later than the
 * recorded one.
 */
public final class LocalClock {
    private static final long SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_HOUR = 3_600;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final char MINUS = '\u2212';

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss", Locale.UK);

    private final ZoneId zone;

    private LocalClock(ZoneId zone) {
        this.zone = zone;
    }

    /** A clock for an IANA zone id ("America/New_York"). */
    public static LocalClock of(String zoneId) {
        return new LocalClock(ZoneId.of(zoneId));
    }

    /** The zone. */
    public ZoneId zone() {
        return zone;
    }

    /** The instant of a record time. */
    public static Instant instant(long micros) {
        return Micros.toInstant(micros);
    }

    /** The local wall-clock time, "10:15:32". */
    public String time(long micros) {
        return TIME.format(local(micros));
    }

    /** The UTC time, "15:15:32". */
    public String utcTime(long micros) {
        return TIME.format(instant(micros).atOffset(ZoneOffset.UTC));
    }

    /** The local date, "Tuesday 17 November 2026". */
    public String date(long micros) {
        return DATE.format(local(micros));
    }

    /** Local date and time, "17 Nov 2026 10:15:32". */
    public String dateTime(long micros) {
        return DATE_TIME.format(local(micros));
    }

    /** The zone at that moment, named and as an offset: "EST, UTC−5" (or "UTC−3" where the zone has no letters). */
    public String zoneLabel(long micros) {
        ZonedDateTime local = local(micros);
        String abbreviation = ZONE_ABBREVIATION.format(local);
        String offset = utcOffset(local.getOffset());
        return abbreviation.startsWith("GMT") || abbreviation.startsWith("UTC") ? offset : abbreviation + ", " + offset;
    }

    /** "10:15:32 (15:15:32 UTC)". */
    public String timeWithUtc(long micros) {
        return time(micros) + " (" + utcTime(micros) + " UTC)";
    }

    /** "UTC−5", "UTC+5:30", "UTC". */
    static String utcOffset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int abs = Math.abs(seconds);
        String hours = String.valueOf(abs / SECONDS_PER_HOUR);
        long minutes = abs % SECONDS_PER_HOUR / SECONDS_PER_MINUTE;
        return "UTC" + (seconds < 0 ? MINUS : '+') + hours + (minutes == 0 ? "" : String.format(":%02d", minutes));
    }

    /** A span between two record times in words: "58 seconds", "14 min 20 s", "3 h 45 min", "2 days 3 h". */
    public static String duration(long fromMicros, long toMicros) {
        return duration(Duration.of(Math.max(0, toMicros - fromMicros), ChronoUnit.MICROS));
    }

    /** A duration in words, truncated to the second. */
    public static String duration(Duration duration) {
        long s = Math.max(0, duration.getSeconds());
        if (s < SECONDS_PER_MINUTE) {
            return s == 1 ? "1 second" : s + " seconds";
        }
        if (s < SECONDS_PER_HOUR) {
            long rest = s % SECONDS_PER_MINUTE;
            return s / SECONDS_PER_MINUTE + " min" + (rest == 0 ? "" : " " + rest + " s");
        }
        if (s < SECONDS_PER_DAY) {
            long rest = s % SECONDS_PER_HOUR / SECONDS_PER_MINUTE;
            return s / SECONDS_PER_HOUR + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        long days = s / SECONDS_PER_DAY;
        long hours = s % SECONDS_PER_DAY / SECONDS_PER_HOUR;
        return days + (days == 1 ? " day" : " days") + (hours == 0 ? "" : " " + hours + " h");
    }

    /** A command's run time: "0.8 seconds" below ten seconds, else as {@link #duration(Duration)}. */
    public static String runTime(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f seconds", millis / 1_000.0);
        }
        return duration(Duration.ofMillis(millis));
    }

    private ZonedDateTime local(long micros) {
        return instant(micros).atZone(zone);
    }
}
