package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code sessions.list}: a console asks for the sessions its user may see, in order of session id, starting after
 * {@code after} (absent: from the first). The answer is a {@link SessionsPage}.
 *
 * @param after the last session id of the previous page, or {@code null}
 */
public record SessionsList(String after) implements Message {
    /** Validates every member. */
    public SessionsList {
        Require.optionalId(after, "after");
    }
}
