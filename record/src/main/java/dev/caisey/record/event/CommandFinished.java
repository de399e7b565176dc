package dev.caisey.record.event;

/** {@code command.finished}: the command's process exited; {@code truncated} says output beyond the cap was dropped. */
public record CommandFinished(String commandId, long exitCode, long durationMillis, long outputChars, boolean truncated)
        implements Event {
    /** Validates every member. */
    public CommandFinished {
        Require.id(commandId, "commandId");
        Require.range(exitCode, "exitCode", Integer.MIN_VALUE, 0xFFFF_FFFFL);
        Require.nonNegative(durationMillis, "durationMillis");
        Require.nonNegative(outputChars, "outputChars");
    }
}
