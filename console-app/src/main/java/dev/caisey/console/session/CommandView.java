package dev.caisey.console.session;

import dev.caisey.record.event.Shell;

/**
 * One command of a session as far as its events tell, for a command card or the command line: immutable, replaced
 * by a new value at every event that concerns it. The output itself is in the session's events ({@code
 * command.output}); this carries how much there is.
 *
 * @param commandId the console's id for the command
 * @param shell the interpreter
 * @param script the script
 * @param phase where it stands
 * @param approvalPrompt the question the client was asked, or {@code null} if none
 * @param answeredBy who approved or declined, or {@code null}
 * @param exitCode the exit code once finished, else {@code null}
 * @param reason why it was declined or cancelled, or {@code null}
 * @param outputChars characters of output received so far
 * @param requestedSeq the number of its {@code command.requested} event
 */
public record CommandView(
        String commandId,
        Shell shell,
        String script,
        CommandPhase phase,
        String approvalPrompt,
        String answeredBy,
        Long exitCode,
        String reason,
        long outputChars,
        long requestedSeq) {

    CommandView with(CommandPhase next) {
        return new CommandView(
                commandId,
                shell,
                script,
                next,
                approvalPrompt,
                answeredBy,
                exitCode,
                reason,
                outputChars,
                requestedSeq);
    }

    CommandView asked(String prompt) {
        return new CommandView(
                commandId,
                shell,
                script,
                CommandPhase.AWAITING_APPROVAL,
                prompt,
                answeredBy,
                exitCode,
                reason,
                outputChars,
                requestedSeq);
    }

    CommandView answered(CommandPhase next, String who, String why) {
        return new CommandView(
                commandId, shell, script, next, approvalPrompt, who, exitCode, why, outputChars, requestedSeq);
    }

    CommandView output(long chars) {
        CommandPhase now = phase.ended() ? phase : CommandPhase.RUNNING;
        return new CommandView(
                commandId,
                shell,
                script,
                now,
                approvalPrompt,
                answeredBy,
                exitCode,
                reason,
                outputChars + chars,
                requestedSeq);
    }

    CommandView ended(CommandPhase next, Long exit, String why) {
        return new CommandView(
                commandId, shell, script, next, approvalPrompt, answeredBy, exit, why, outputChars, requestedSeq);
    }
}
