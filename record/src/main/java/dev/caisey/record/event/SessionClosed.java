package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code session.closed}: the technician closed the session with a resolution (always the last event). */
public record SessionClosed(String resolution, Outcome outcome) implements Event {
    /** Validates every member. */
    public SessionClosed {
        Require.text(resolution, "resolution", Limits.MAX_TEXT_CHARS);
        Require.present(outcome, "outcome");
    }
}
