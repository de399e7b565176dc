package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;
import dev.caisey.record.event.Shell;

/**
 * {@code command.request}: a technician asks for a command to run. The server records {@code command.requested};
 * if the organisation's approval policy or the technician asks for it, the command waits for the client's approval,
 * else the server sends the agent a {@link CommandRun}.
 *
 * @param session the session
 * @param commandId the console's id for the command, unique in the session (a resent request is not run twice)
 * @param shell the interpreter to run the script in
 * @param script the script
 * @param workingDirectory where to run it, or {@code null} for the agent's default
 * @param timeoutSeconds how long it may run
 * @param summary what it does in plain words, for the client and the report, or {@code null}
 * @param requireApproval whether the technician asks for the client's approval even if the policy does not
 */
public record CommandRequest(
        String session,
        String commandId,
        Shell shell,
        String script,
        String workingDirectory,
        long timeoutSeconds,
        String summary,
        boolean requireApproval)
        implements Message {
    /** Validates every member; {@code workingDirectory} and {@code summary} are optional. */
    public CommandRequest {
        Require.id(session, "session");
        Require.id(commandId, "commandId");
        Require.present(shell, "shell");
        Require.text(script, "script", Limits.MAX_SCRIPT_CHARS);
        Require.optionalText(workingDirectory, "workingDirectory", Limits.MAX_SHORT_TEXT_CHARS);
        Require.range(timeoutSeconds, "timeoutSeconds", 1, Limits.MAX_COMMAND_TIMEOUT_SECONDS);
        Require.optionalText(summary, "summary", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
