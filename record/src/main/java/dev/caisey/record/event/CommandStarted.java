package dev.caisey.record.event;

/** {@code command.started}: the agent started the command's process ({@code pid} where known). */
public record CommandStarted(String commandId, Long pid) implements Event {
    /** Validates every member; {@code pid} is optional. */
    public CommandStarted {
        Require.id(commandId, "commandId");
        if (pid != null) {
            Require.nonNegative(pid, "pid");
        }
    }
}
