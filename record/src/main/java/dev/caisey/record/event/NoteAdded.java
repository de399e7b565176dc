package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code note.added}: the technician added a note to the record (not shown to the client live). */
public record NoteAdded(String text) implements Event {
    /** Validates every member. */
    public NoteAdded {
        Require.text(text, "text", Limits.MAX_TEXT_CHARS);
    }
}
