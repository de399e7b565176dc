package dev.caisey.console.fx;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as the console shows them: short, in the person's zone, never a raw number of micros. */
public final class Times {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Times() {}

    /** "3 h 05 min", "12 min", "45 s". */
    public static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + String.format(Locale.ROOT, "%02d", minutes % 60) + " min";
        }
        return hours / 24 + " days " + hours % 24 + " h";
    }

    /** "5 min ago", or the date for anything older than two days. */
    public static String ago(Instant then, Instant now, ZoneId zone) {
        Duration d = Duration.between(then, now);
        if (d.toDays() >= 2) {
            return DAY_TIME.format(then.atZone(zone));
        }
        return duration(d) + " ago";
    }

    /** "2026-11-25 09:30" in {@code zone}. */
    public static String dayTime(Instant at, ZoneId zone) {
        return DAY_TIME.format(at.atZone(zone));
    }

    /** "09:30:12" in {@code zone}. */
    public static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }
}
