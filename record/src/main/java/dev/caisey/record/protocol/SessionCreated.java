package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code session.created}: the answer to {@link SessionOpen}; the session's first event is durable.
 *
 * @param session the new session's id
 */
public record SessionCreated(String session) implements Message {
    /** Validates every member. */
    public SessionCreated {
        Require.id(session, "session");
    }
}
