package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code command.output}: a chunk of a command's output; {@code offset} is the count of characters sent on this channel before it. */
public record CommandOutput(String commandId, OutputChannel channel, long offset, String text) implements Event {
    /** Validates every member; a chunk is never empty. */
    public CommandOutput {
        Require.id(commandId, "commandId");
        Require.present(channel, "channel");
        Require.nonNegative(offset, "offset");
        Require.present(text, "text");
        if (text.isEmpty()) {
            throw Require.invalid("text of an output chunk must not be empty");
        }
        Require.maxLength(text, "text", Limits.MAX_OUTPUT_CHUNK_CHARS);
    }
}
