package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import java.util.List;

/**
 * {@code sessions}: one page of the sessions a console's user may see (answering a {@link SessionsList}).
 *
 * @param sessions at most {@link Limits#MAX_SESSIONS_PER_MESSAGE} sessions, in order of session id
 * @param more whether another page follows (ask again with the last id as {@code after})
 */
public record SessionsPage(List<SessionInfo> sessions, boolean more) implements Message {
    /** Validates and copies the list. */
    public SessionsPage {
        sessions = Checks.list(sessions, "sessions", Limits.MAX_SESSIONS_PER_MESSAGE);
    }
}
