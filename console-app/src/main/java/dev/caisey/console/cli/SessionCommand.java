package dev.caisey.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caisey session …}: work in one session. */
@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = "Open a session and work in it.",
        subcommands = {
            SessionOpenCommand.class,
            ExecCommand.class,
            SessionActCommands.Chat.class,
            SessionActCommands.Note.class,
            SessionActCommands.Verify.class,
            SessionActCommands.Invite.class,
            SessionActCommands.Close.class
        })
final class SessionCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Say what to do: open, exec, chat, note, verify, invite or close.");
    }
}
