package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;
import dev.caisey.record.event.Shell;

/**
 * {@code command.run}: the server tells an agent to run a command that was requested (and approved, where the policy
 * asks for it). The agent reports its progress with {@link AgentReport}s for the same session and command id.
 *
 * @param session the session the command belongs to
 * @param commandId the command's id, as in its {@code command.requested} event
 * @param shell the interpreter to run the script in
 * @param script the script, exactly as requested
 * @param workingDirectory where to run it, or {@code null} for the agent's default
 * @param timeoutSeconds how long it may run before the agent kills it
 * @param outputLimitChars how many output characters (all channels together) the agent sends before it truncates
 */
public record CommandRun(
        String session,
        String commandId,
        Shell shell,
        String script,
        String workingDirectory,
        long timeoutSeconds,
        long outputLimitChars)
        implements Message {
    /** Validates every member; {@code workingDirectory} is optional. */
    public CommandRun {
        Require.id(session, "session");
        Require.id(commandId, "commandId");
        Require.present(shell, "shell");
        Require.text(script, "script", Limits.MAX_SCRIPT_CHARS);
        Require.optionalText(workingDirectory, "workingDirectory", Limits.MAX_SHORT_TEXT_CHARS);
        Require.range(timeoutSeconds, "timeoutSeconds", 1, Limits.MAX_COMMAND_TIMEOUT_SECONDS);
        Require.range(outputLimitChars, "outputLimitChars", 1, Limits.MAX_COMMAND_OUTPUT_CHARS);
    }
}
