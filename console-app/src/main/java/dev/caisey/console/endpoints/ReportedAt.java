package dev.caisey.console.endpoints;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads when the client reported the problem, as a technician types it: {@code 2026-11-25 09:30} or {@code 09:30}
 * (today) in the console's zone, or an ISO instant such as {@code 2026-11-25T09:30:00Z}. Blank means not given.
 */
public final class ReportedAt {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReportedAt() {}

    /**
     * The instant, or {@code null} when blank.
     *
     * @throws IllegalArgumentException with a sentence saying what is accepted
     */
    public static Instant parse(String text, ZoneId zone) {
        return parse(text, zone, Instant.now());
    }

    static Instant parse(String text, ZoneId zone, Instant now) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            if (t.length() <= 5) {
                at = LocalTime.parse(t)
                        .atDate(now.atZone(zone).toLocalDate())
                        .atZone(zone)
                        .toInstant();
            } else if (t.contains("T")) {
                at = OffsetDateTime.parse(t).toInstant();
            } else {
                at = LocalDateTime.parse(t, DATE_TIME).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a time the console reads. Write it as "
                    + now.atZone(zone).toLocalDate() + " 09:30 or 09:30 (today, " + zone.getId()
                    + "), or leave it empty.");
        }
        if (at.isAfter(now.plus(Duration.ofMinutes(1)))) {
            throw new IllegalArgumentException("The reported time " + t + " is in the future; the client reported the"
                    + " problem before the session starts.");
        }
        return at;
    }
}
