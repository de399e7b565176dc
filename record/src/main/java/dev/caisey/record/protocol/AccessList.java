package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code access.list}: a console asks who exported, e-mailed or shared a session's record. The answer is an {@link
 * AccessEntries}; managers and administrators may ask about every session of their organisations, technicians about
 * the sessions they opened.
 *
 * @param session the session
 */
public record AccessList(String session) implements Message {
    /** Validates every member. */
    public AccessList {
        Require.id(session, "session");
    }
}
