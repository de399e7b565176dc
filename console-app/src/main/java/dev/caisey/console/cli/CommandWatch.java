package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/**
 * What {@code session exec} tells about its command as the session's events arrive: approval asked, granted or
 * declined on stderr, output on stdout and stderr as the endpoint printed it, and the exit status to end with. With
 * {@code --json} every line is one JSON document on stdout.
 */
final class CommandWatch {
    private final String commandId;
    private final CliContext context;
    private final boolean json;

    CommandWatch(String commandId, CliContext context, boolean json) {
        this.commandId = commandId;
        this.context = context;
        this.json = json;
    }

    /** Tells the new events; returns the exit status once the command has ended, else {@code null}. */
    Integer accept(SessionSnapshot snapshot, List<RecordedEvent> added) {
        for (RecordedEvent e : added) {
            Integer status = tell(snapshot, e);
            if (status != null) {
                context.out().flush();
                context.err().flush();
                return status;
            }
        }
        context.out().flush();
        context.err().flush();
        return null;
    }

    private boolean ours(SessionSnapshot snapshot, String approvalId) {
        return commandId.equals(snapshot.approvalCommands().get(approvalId));
    }

    private Integer tell(SessionSnapshot snapshot, RecordedEvent e) {
        switch (e.event()) {
            case ApprovalRequested a -> {
                if (commandId.equals(a.commandId())) {
                    say(
                            "approval.requested",
                            "Waiting for the client's approval: “" + a.prompt() + "” (open until "
                                    + Texts.utc(a.expiresAt()) + ")",
                            "prompt",
                            a.prompt());
                }
            }
            case ApprovalGranted g -> {
                if (ours(snapshot, g.approvalId())) {
                    say(
                            "approval.granted",
                            "Approved by " + e.actor().name() + "; running.",
                            "by",
                            e.actor().name());
                }
            }
            case ApprovalDenied d -> {
                if (ours(snapshot, d.approvalId())) {
                    String why = d.reason() == null ? "" : " (" + d.reason() + ")";
                    say(
                            "approval.denied",
                            "Declined by " + e.actor().name() + why + "; nothing was run.",
                            "by",
                            e.actor().name());
                    return ExitCodes.DENIED;
                }
            }
            case ApprovalExpired x -> {
                if (ours(snapshot, x.approvalId())) {
                    say("approval.expired", "Nobody answered the approval in time; nothing was run.", null, null);
                    return ExitCodes.APPROVAL_EXPIRED;
                }
            }
            case CommandStarted s -> {}
            case CommandOutput o -> {
                if (o.commandId().equals(commandId)) {
                    output(o);
                }
            }
            case CommandFinished f -> {
                if (f.commandId().equals(commandId)) {
                    if (f.truncated()) {
                        say("command.truncated", "The output was cut short by the agent's limit.", null, null);
                    }
                    if (json) {
                        ObjectNode node = ExecCommand.line("command.finished");
                        node.put("exitCode", f.exitCode());
                        node.put("durationMillis", f.durationMillis());
                        context.json(node);
                    }
                    return (int) f.exitCode();
                }
            }
            case CommandCancelled c -> {
                if (c.commandId().equals(commandId)) {
                    say("command.cancelled", "The command was stopped: " + c.reason(), "reason", c.reason());
                    return ExitCodes.CANCELLED;
                }
            }
            case CommandTimedOut t -> {
                if (t.commandId().equals(commandId)) {
                    say(
                            "command.timed_out",
                            "The command ran longer than " + t.timeoutSeconds() + " s and was stopped.",
                            null,
                            null);
                    return ExitCodes.TIMED_OUT;
                }
            }
            default -> {}
        }
        return null;
    }

    private void output(CommandOutput o) {
        if (json) {
            ObjectNode node = ExecCommand.line("output");
            node.put("stream", o.channel().wireName());
            node.put("text", o.text());
            context.json(node);
        } else if (o.channel() == OutputChannel.STDERR) {
            context.err().print(o.text());
        } else {
            context.out().print(o.text());
        }
    }

    private void say(String kind, String words, String member, String value) {
        if (json) {
            ObjectNode node = ExecCommand.line(kind);
            if (member != null) {
                node.put(member, value);
            }
            context.json(node);
        } else {
            context.err().println(words);
        }
    }
}
