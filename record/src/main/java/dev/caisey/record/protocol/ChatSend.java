package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code chat.send}: a technician or the client writes in the session's chat; the server records {@code
 * chat.message} exactly as typed.
 *
 * @param session the session
 * @param text the message
 */
public record ChatSend(String session, String text) implements Message {
    /** Validates every member. */
    public ChatSend {
        Require.id(session, "session");
        Require.text(text, "text", Limits.MAX_TEXT_CHARS);
    }
}
