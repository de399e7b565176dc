package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code chat.message}: the actor wrote a chat message, stored exactly as typed. */
public record ChatMessage(String text) implements Event {
    /** Validates every member. */
    public ChatMessage {
        Require.text(text, "text", Limits.MAX_TEXT_CHARS);
    }
}
