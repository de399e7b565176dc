package dev.caisey.console.cli;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.trust.Problems;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.lang.reflect.Constructor;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code caisey}: the technician's command line on the client core. Every subcommand prints words (or JSON with
 * {@code --json}), reports a failure as one sentence on stderr with a documented exit status, and never shows a stack
 * trace.
 */
@Command(
        name = "caisey",
        mixinStandardHelpOptions = true,
        versionProvider = CaiseyCommand.Version.class,
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            EndpointsCommand.class,
            SessionsCommand.class,
            ShowCommand.class,
            SessionCommand.class,
            ExportCommand.class,
            VerifyFileCommand.class,
            SlaCommand.class
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:Done (session exec: the command's own exit status).",
            "1:The server could not be reached or did not answer; try again later.",
            "2:The command line was wrong.",
            "3:Refused by the server, or its certificate is not the trusted one.",
            "4:Not signed in: run caisey login.",
            "120:session exec: the client declined the command; it did not run.",
            "121:session exec: nobody answered the approval in time; it did not run.",
            "122:session exec: the command was cancelled.",
            "124:session exec: the command timed out.",
            "125:session exec: caisey itself failed; see the message."
        },
        description =
                "Caisey remote support from the command line: sign in, list endpoints and sessions, run commands"
                        + " with the client's approval, chat, verify and close; SLA figures from the local copy of your records.")
public final class CaiseyCommand implements Runnable {
    private static final System.Logger LOG = System.getLogger(CaiseyCommand.class.getName());

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Say what to do: login, logout, endpoints, sessions, show, session, export, verify or sla.");
    }

    /** Runs the command line with the given streams; returns its exit status (see {@link ExitCodes}). */
    public static int run(CliContext context, String... args) {
        CommandLine line = new CommandLine(new CaiseyCommand(), new Factory(context))
                .setOut(context.out())
                .setErr(context.err());
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConsoleException failure) {
                commandLine.getErr().println("caisey: " + failure.getMessage());
                return ExitCodes.of(failure);
            }
            LOG.log(Level.DEBUG, "caisey failed unexpectedly", e);
            commandLine.getErr().println("caisey: an unexpected failure: " + Problems.describe(e));
            return ExitCodes.FAILED;
        });
        int status = line.execute(args);
        context.out().flush();
        context.err().flush();
        return status;
    }

    /** The {@code caisey} entry point. */
    public static void main(String[] args) {
        InputStream in = System.in;
        CliContext context = new CliContext(
                in,
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                Map.copyOf(System.getenv()),
                terminal());
        System.exit(run(context, args));
    }

    /**
     * The terminal, if standard input and output are one. From Java 22 on {@link System#console()} is never null, so
     * its {@code isTerminal()} (not in Java 21's API, hence looked up) decides.
     */
    private static java.io.Console terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Object isTerminal = java.io.Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(isTerminal) ? console : null;
        } catch (ReflectiveOperationException e) {
            return console;
        }
    }

    /** Makes the subcommands with the run's context. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CaiseyCommand.class.getPackage().getImplementationVersion();
            return new String[] {"caisey " + (version == null ? "development build" : version)};
        }
    }
}
