package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code share.create}: a console asks for a read-only link to one closed session's record, valid for {@code
 * expiresInSeconds}. The answer is a {@link ShareCreated}.
 *
 * @param session the session to share
 * @param expiresInSeconds how long the link works, at most 90 days
 */
public record ShareCreate(String session, long expiresInSeconds) implements Message {
    /** Validates every member. */
    public ShareCreate {
        Require.id(session, "session");
        Require.range(expiresInSeconds, "expiresInSeconds", 1, 90L * 24 * 3600);
    }
}
