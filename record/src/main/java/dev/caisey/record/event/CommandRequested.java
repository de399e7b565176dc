package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code command.requested}: the technician asked for a command to run; {@code summary} is its plain-language description if given. */
public record CommandRequested(
        String commandId,
        Shell shell,
        String script,
        String workingDirectory,
        long timeoutSeconds,
        String summary,
        boolean approvalRequired)
        implements Event {
    /** Validates every member; {@code workingDirectory} and {@code summary} are optional. */
    public CommandRequested {
        Require.id(commandId, "commandId");
        Require.present(shell, "shell");
        Require.text(script, "script", Limits.MAX_SCRIPT_CHARS);
        Require.optionalText(workingDirectory, "workingDirectory", Limits.MAX_SHORT_TEXT_CHARS);
        Require.range(timeoutSeconds, "timeoutSeconds", 1, Limits.MAX_COMMAND_TIMEOUT_SECONDS);
        Require.optionalText(summary, "summary", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
