package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code session.subscribe}: send me a session's events after {@code afterSeq}, then every new one as it becomes
 * durable, as {@link EventPush}es in order. A reconnecting console or client page resumes with the last {@code seq} it
 * holds, so it sees no gap and no duplicate.
 *
 * @param session the session
 * @param afterSeq the last event number the subscriber already holds, 0 for none
 */
public record SessionSubscribe(String session, long afterSeq) implements Message {
    /** Validates every member. */
    public SessionSubscribe {
        Require.id(session, "session");
        Require.nonNegative(afterSeq, "afterSeq");
    }
}
