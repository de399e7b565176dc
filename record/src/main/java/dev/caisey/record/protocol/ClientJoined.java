package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code client.joined}: the answer to {@link ClientJoin}; the page may now {@link SessionSubscribe subscribe} to this
 * one session, chat in it and answer its approvals.
 *
 * @param session the session the code opened
 */
public record ClientJoined(String session) implements Message {
    /** Validates every member. */
    public ClientJoined {
        Require.id(session, "session");
    }
}
