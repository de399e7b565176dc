package dev.caisey.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caisey session …}: work in one session. */
@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = "Open a session, work in it, and send or share its report.",
        subcommands = {
            SessionOpenCommand.class,
            ExecCommand.class,
            SessionActCommands.Chat.class,
            SessionActCommands.Note.class,
            SessionActCommands.Verify.class,
            SessionActCommands.Invite.class,
            SessionActCommands.Close.class,
            ReportCommands.Send.class,
            ReportCommands.Share.class,
            ReportCommands.Unshare.class,
            ReportCommands.Access.class
        })
final class SessionCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Say what to do: open, exec, chat, note, verify, invite, close, send, share, unshare or access.");
    }
}
