package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code pong}: the answer to a {@link Ping}.
 *
 * @param at the {@code at} of the ping it answers, unchanged
 */
public record Pong(long at) implements Message {
    /** Validates every member. */
    public Pong {
        Require.nonNegative(at, "at");
    }
}
