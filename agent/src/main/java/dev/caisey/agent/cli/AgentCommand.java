package dev.caisey.agent.cli;

import dev.caisey.agent.AgentException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code caisey-agent}: enrolls the agent ({@code enroll}) or runs it as a service ({@code run}). */
@Command(
        name = "caisey-agent",
        mixinStandardHelpOptions = true,
        versionProvider = AgentCommand.Version.class,
        subcommands = {EnrollCommand.class, RunCommand.class},
        description = "The Caisey agent: runs the commands of remote-support sessions and reports everything it does.")
public final class AgentCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: enroll or run.");
    }

    /** Runs the command with the given streams and returns its exit status (see {@link ExitCodes}). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new AgentCommand()).setOut(out).setErr(err);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof AgentException failure) {
                commandLine.getErr().println("caisey-agent: " + failure.getMessage());
                return failure.failure().fatal() ? ExitCodes.REFUSED : ExitCodes.FAILED;
            }
            throw e;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The {@code caisey-agent} entry point. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "caisey-agent " + dev.caisey.agent.identity.HostInfo.current().agentVersion()
            };
        }
    }
}
