package dev.caisey.agent.connection;

import java.time.Duration;

/**
 * The connection's timings, one place for all of them.
 *
 * @param heartbeat how often the agent pings an idle connection
 * @param pongTimeout how long a ping may go unanswered before the connection is given up
 * @param handshakeTimeout how long TLS, the WebSocket upgrade and the sign-in may take
 * @param sendTimeout how long one frame may take to be handed to the network
 * @param backoffInitial the cap of the first wait before reconnecting
 * @param backoffMax the largest cap
 * @param backoffMultiplier how much the cap grows after each failure
 */
public record LinkSettings(
        Duration heartbeat,
        Duration pongTimeout,
        Duration handshakeTimeout,
        Duration sendTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        double backoffMultiplier) {
    /** How often an idle connection is pinged. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(20);

    /** How long a pong may take. */
    public static final Duration PONG_TIMEOUT = Duration.ofSeconds(10);

    /** How long connecting and signing in may take. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    /** How long one frame may take to go out. */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    /** Unacknowledged reports sent on one connection, kept well below the server's queue of 256 requests. */
    public static final int MAX_IN_FLIGHT_REPORTS = 64;

    /** The service's timings. */
    public static LinkSettings standard() {
        return new LinkSettings(
                HEARTBEAT,
                PONG_TIMEOUT,
                HANDSHAKE_TIMEOUT,
                SEND_TIMEOUT,
                Backoff.INITIAL,
                Backoff.MAX,
                Backoff.MULTIPLIER);
    }

    /** A fresh backoff with these figures. */
    public Backoff backoff() {
        return new Backoff(
                backoffInitial, backoffMax, backoffMultiplier, java.util.random.RandomGenerator.getDefault());
    }
}
