package dev.caisey.record.event;

import java.time.Clock;
import java.time.Instant;

/**
 * The record's one unit of time: UTC microseconds since the epoch, as an integer (every {@code at}, {@code sourceAt},
 * {@code reportedAt} and {@code expiresAt}). Conversions to and from {@link Instant} live here and nowhere else.
 */
public final class Micros {
    /** Microseconds in a second. */
    public static final long PER_SECOND = 1_000_000L;

    private static final long NANOS_PER_MICRO = 1_000L;

    private Micros() {}

    /** The microseconds of an instant (sub-microsecond digits are dropped). */
    public static long of(Instant instant) {
        return instant.getEpochSecond() * PER_SECOND + instant.getNano() / NANOS_PER_MICRO;
    }

    /** The clock's current time in microseconds. */
    public static long now(Clock clock) {
        return of(clock.instant());
    }

    /** The instant of a time in microseconds. */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * NANOS_PER_MICRO);
    }
}
