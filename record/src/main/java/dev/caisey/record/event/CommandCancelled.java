package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code command.cancelled}: the command was stopped on request (its whole process tree killed), or never started. */
public record CommandCancelled(String commandId, String reason) implements Event {
    /** Validates every member; {@code reason} is optional. */
    public CommandCancelled {
        Require.id(commandId, "commandId");
        Require.optionalText(reason, "reason", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
