package dev.caisey.console.connection;

import java.time.Duration;

/**
 * The connection's timings, all in one place.
 *
 * @param handshakeTimeout how long TCP, TLS and the WebSocket upgrade may take together
 * @param requestTimeout how long the server may take to answer a request (sign-in included)
 * @param heartbeat how often a connection is pinged
 * @param pongTimeout how long a ping may go unanswered before the connection is given up and made again
 * @param backoffInitial the cap of the first wait before reconnecting
 * @param backoffMax the largest cap
 * @param backoffMultiplier how much the cap grows after each failed attempt
 */
public record ConnectionSettings(
        Duration handshakeTimeout,
        Duration requestTimeout,
        Duration heartbeat,
        Duration pongTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        double backoffMultiplier) {
    /** Connecting, TLS and upgrade together. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    /** An answer to a request. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Between pings. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);

    /** For a pong. */
    public static final Duration PONG_TIMEOUT = Duration.ofSeconds(10);

    /** The cap of the first wait before reconnecting. */
    public static final Duration BACKOFF_INITIAL = Duration.ofMillis(500);

    /** The largest wait before reconnecting. */
    public static final Duration BACKOFF_MAX = Duration.ofSeconds(30);

    /** Frames waiting to go out on one connection before it counts as stuck. */
    public static final int MAX_QUEUED_FRAMES = 1_000;

    /** Checks the figures. */
    public ConnectionSettings {
        for (Duration d : new Duration[] {handshakeTimeout, requestTimeout, heartbeat, pongTimeout, backoffInitial}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("connection timings must be positive");
            }
        }
        if (backoffMax.compareTo(backoffInitial) < 0 || backoffMultiplier < 1) {
            throw new IllegalArgumentException("backoff needs initial <= max and a multiplier of at least 1");
        }
    }

    /** The console's timings. */
    public static ConnectionSettings standard() {
        return new ConnectionSettings(
                HANDSHAKE_TIMEOUT, REQUEST_TIMEOUT, HEARTBEAT, PONG_TIMEOUT, BACKOFF_INITIAL, BACKOFF_MAX, 2.0);
    }

    /** A fresh backoff with these figures. */
    Backoff backoff() {
        return new Backoff(backoffInitial, backoffMax, backoffMultiplier);
    }
}
