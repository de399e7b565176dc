package dev.caisey.agent.connection;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th wait in a row is uniformly random between zero and {@code min(max,
 * initial × multiplier^n)}, so agents cut off together do not all come back at the same moment. {@link #reset()}
 * after a connection that signed in.
 */
public final class Backoff {
    /** The cap of the first wait. */
    public static final Duration INITIAL = Duration.ofMillis(500);

    /** The largest cap. */
    public static final Duration MAX = Duration.ofSeconds(60);

    /** How much the cap grows after each failure. */
    public static final double MULTIPLIER = 2.0;

    private final long initialMillis;
    private final long maxMillis;
    private final double multiplier;
    private final RandomGenerator random;
    private int failures;

    /** Backoff with the given figures. */
    public Backoff(Duration initial, Duration max, double multiplier, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and a multiplier of at least 1");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.multiplier = multiplier;
        this.random = random;
    }

    /** Backoff with {@link #INITIAL}, {@link #MAX} and {@link #MULTIPLIER}. */
    public static Backoff standard() {
        return new Backoff(INITIAL, MAX, MULTIPLIER, RandomGenerator.getDefault());
    }

    /** The cap of the next wait, before jitter. */
    public Duration ceiling() {
        double cap = initialMillis * Math.pow(multiplier, failures);
        return Duration.ofMillis((long) Math.min(maxMillis, cap));
    }

    /** The next wait: random up to {@link #ceiling()}; each call counts one more failure. */
    public Duration next() {
        long cap = ceiling().toMillis();
        if (failures < Integer.MAX_VALUE - 1 && initialMillis * Math.pow(multiplier, failures) < maxMillis) {
            failures++;
        }
        return Duration.ofMillis(random.nextLong(cap + 1));
    }

    /** Starts over from {@link #INITIAL} (a connection succeeded). */
    public void reset() {
        failures = 0;
    }
}
