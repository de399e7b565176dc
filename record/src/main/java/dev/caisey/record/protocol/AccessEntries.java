package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;
import java.util.List;

/**
 * {@code access.entries}: a session's access log (answering an {@link AccessList}), oldest first.
 *
 * @param session the session
 * @param entries at most {@link #MAX_ENTRIES} entries, the most recent ones, in order of time
 * @param more whether older entries exist that are not listed
 */
public record AccessEntries(String session, List<AccessEntry> entries, boolean more) implements Message {
    /** Most entries in one message. */
    public static final int MAX_ENTRIES = 500;

    /** Validates and copies the list. */
    public AccessEntries {
        Require.id(session, "session");
        entries = Checks.list(entries, "entries", MAX_ENTRIES);
    }
}
