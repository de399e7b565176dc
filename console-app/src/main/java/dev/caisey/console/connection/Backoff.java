package dev.caisey.console.connection;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter, as the agent reconnects: the n-th wait in a row is uniformly random between
 * zero and {@code min(max, initial × multiplier^n)}, so consoles cut off together do not all return at once. {@link
 * #reset()} after a connection that signed in.
 */
final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final double multiplier;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private int failures;

    Backoff(Duration initial, Duration max, double multiplier) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.multiplier = multiplier;
    }

    /** The next wait; each call counts one more failure. */
    Duration next() {
        double cap = Math.min(maxMillis, initialMillis * Math.pow(multiplier, failures));
        if (cap < maxMillis) {
            failures++;
        }
        return Duration.ofMillis(random.nextLong((long) cap + 1));
    }

    /** Starts over: a connection signed in. */
    void reset() {
        failures = 0;
    }
}
