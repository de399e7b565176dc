package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code command.timed_out}: the command ran past its time limit and was killed. */
public record CommandTimedOut(String commandId, long timeoutSeconds, long durationMillis) implements Event {
    /** Validates every member. */
    public CommandTimedOut {
        Require.id(commandId, "commandId");
        Require.range(timeoutSeconds, "timeoutSeconds", 1, Limits.MAX_COMMAND_TIMEOUT_SECONDS);
        Require.nonNegative(durationMillis, "durationMillis");
    }
}
