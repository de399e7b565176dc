package dev.caisey.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caisey-server}: runs the server ({@code start}) or administers its data folder ({@code admin}). */
@Command(
        name = "caisey-server",
        mixinStandardHelpOptions = true,
        versionProvider = ServerCommand.Version.class,
        subcommands = {StartCommand.class, AdminCommand.class},
        description = "The Caisey session server: relays sessions and records every event durably, in order.")
public final class ServerCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: start or admin.");
    }

    /** Runs the command with the given streams and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new ServerCommand()).setOut(out).setErr(err);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof dev.caisey.server.ServerException refusal) {
                commandLine.getErr().println("caisey-server: " + refusal.getMessage());
                return 1;
            }
            throw e;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The {@code caisey-server} entry point. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"caisey-server " + dev.caisey.server.CaiseyServer.VERSION};
        }
    }
}
