package dev.caisey.server.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A limit on failed guesses per address (share links): after {@link #MAX_FAILURES_PER_WINDOW} failures within {@link
 * #WINDOW}, the address is refused until the oldest failure leaves the window, whether its next guess is right or not.
 */
public final class FailedAttempts {
    /** Failures one address may make per window. */
    static final int MAX_FAILURES_PER_WINDOW = 10;

    /** The window over which failures are counted. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** Most addresses remembered; the table is emptied of stale entries when it grows past this. */
    static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** Failures timed by {@code clock}. */
    public FailedAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Whether the address has used up its failures for now. */
    public boolean blocked(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent, clock.instant());
            return recent.size() >= MAX_FAILURES_PER_WINDOW;
        }
    }

    /** Counts a failure of the address. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d, now);
                    return d.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
            recent.pollFirst();
        }
    }
}
