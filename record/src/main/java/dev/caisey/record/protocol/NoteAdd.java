package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code note.add}: a technician adds a note to the record (not shown in the client's chat); recorded as {@code
 * note.added}.
 *
 * @param session the session
 * @param text the note
 */
public record NoteAdd(String session, String text) implements Message {
    /** Validates every member. */
    public NoteAdd {
        Require.id(session, "session");
        Require.text(text, "text", Limits.MAX_TEXT_CHARS);
    }
}
