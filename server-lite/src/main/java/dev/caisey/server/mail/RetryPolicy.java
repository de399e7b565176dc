package dev.caisey.server.mail;

import java.time.Duration;

/**
 * How often and how long a report that could not be sent is tried again: the wait doubles from {@code firstDelay} up
 * to {@code maxDelay}, and after {@code maxAttempts} attempts in all it is given up.
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstDelay the wait after the first failure
 * @param maxDelay the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
    /**
     * Eight attempts over about an hour (waits of 30 s, 1, 2, 4, 8, 16 and 30 min): a mail server restarted or repaired
     * within that time still gets the report.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofMinutes(30));

    /** Most attempts a policy may make. */
    public static final int MAX_ATTEMPTS = 100;

    /** Validates every member. */
    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_ATTEMPTS + "; found " + maxAttempts);
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "need 0 < firstDelay <= maxDelay; found " + firstDelay + ", " + maxDelay);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
