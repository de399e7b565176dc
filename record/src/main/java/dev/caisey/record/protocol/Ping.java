package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code ping}: a keep-alive that any side may send; the other side answers with a {@link Pong} carrying the same
 * {@code at}, so the sender can measure the round trip.
 *
 * @param at the sender's clock when it sent the ping, UTC microseconds
 */
public record Ping(long at) implements Message {
    /** Validates every member. */
    public Ping {
        Require.nonNegative(at, "at");
    }

    /** The answer to this ping. */
    public Pong pong() {
        return new Pong(at);
    }
}
