package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code client.invite}: a technician asks for a join link for the client; the server answers with {@link
 * ClientInvited}.
 *
 * @param session the session the client may join
 */
public record ClientInvite(String session) implements Message {
    /** Validates every member. */
    public ClientInvite {
        Require.id(session, "session");
    }
}
