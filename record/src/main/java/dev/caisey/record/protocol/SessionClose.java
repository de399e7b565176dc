package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Require;

/**
 * {@code session.close}: a technician closes the session; the server records {@code session.closed} as its last
 * event and signs a checkpoint.
 *
 * @param session the session
 * @param resolution what was done, in plain words
 * @param outcome how it ended
 */
public record SessionClose(String session, String resolution, Outcome outcome) implements Message {
    /** Validates every member. */
    public SessionClose {
        Require.id(session, "session");
        Require.text(resolution, "resolution", Limits.MAX_TEXT_CHARS);
        Require.present(outcome, "outcome");
    }
}
