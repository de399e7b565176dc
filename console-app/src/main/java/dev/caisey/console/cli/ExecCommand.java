package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.CommandRequest;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caisey session exec SESSION -- COMMAND…}: runs a command on the session's endpoint, says on stderr when it
 * waits for the client's approval, prints its output as it streams and exits with its exit status (or one of the
 * documented statuses when it did not run to the end). The connection mends itself while waiting; the session is
 * followed from its first event, so nothing the command printed is missed.
 */
@Command(
        name = "exec",
        description = "Run a command on the session's endpoint and exit with its exit status. A command the approval"
                + " policy holds waits for the client's approval (said on stderr).")
final class ExecCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "SESSION", description = "The session's id.")
    String session;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its words (after --).")
    List<String> command;

    @Option(
            names = "--shell",
            paramLabel = "SHELL",
            defaultValue = "sh",
            description = "sh or powershell (default: ${DEFAULT-VALUE}).")
    String shell;

    @Option(names = "--script-stdin", description = "Read a (multi-line) script from standard input instead.")
    boolean scriptStdin;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "How long it may run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--summary", paramLabel = "TEXT", description = "What it does in plain words, for the client.")
    String summary;

    @Option(names = "--ask-approval", description = "Ask the client's approval even if the policy does not.")
    boolean askApproval;

    ExecCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String script = script();
        Shell interpreter = shell();
        try (ConsoleClient client = SignedIn.open(context, common)) {
            String commandId = ConsoleClient.newCommandId();
            BlockingQueue<Object> updates = new LinkedBlockingQueue<>();
            client.onState(state -> {
                if (state instanceof ConnectionState.Offline offline) {
                    updates.add(offline);
                } else if (state instanceof ConnectionState.Reconnecting r) {
                    updates.add(r);
                }
            });
            SessionFeed feed = client.follow(session, new SessionListener() {
                @Override
                public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
                    updates.add(new Update(snapshot, added));
                }

                @Override
                public void problem(ConsoleException problem) {
                    updates.add(problem);
                }
            });
            try (feed) {
                CliContext.await(client.runCommand(new CommandRequest(
                        session, commandId, interpreter, script, null, timeoutSeconds, summary, askApproval)));
                if (common.json) {
                    ObjectNode node = line("command.requested");
                    node.put("commandId", commandId);
                    context.json(node);
                } else {
                    context.err().println("Command " + commandId + " requested.");
                    context.err().flush();
                }
                return follow(commandId, updates);
            }
        } catch (ConsoleException e) {
            context.err().println("caisey: " + e.getMessage());
            return ExitCodes.EXEC_FAILED;
        }
    }

    private int follow(String commandId, BlockingQueue<Object> updates) {
        CommandWatch watch = new CommandWatch(commandId, context, common.json);
        try {
            while (true) {
                Object next = updates.take();
                switch (next) {
                    case Update update -> {
                        Integer status = watch.accept(update.snapshot(), update.added());
                        if (status != null) {
                            return status;
                        }
                    }
                    case ConnectionState.Reconnecting r -> {
                        context.err().println("caisey: " + r.describe());
                        context.err().flush();
                    }
                    case ConnectionState.Offline offline -> {
                        throw offline.problem() != null
                                ? offline.problem()
                                : new ConsoleException(Failure.CONNECTION, offline.reason());
                    }
                    case ConsoleException problem -> throw problem;
                    default -> throw new IllegalStateException("unexpected update " + next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(Failure.CONNECTION, "Interrupted while the command ran.");
        }
    }

    private String script() {
        if (scriptStdin) {
            if (command != null && !command.isEmpty()) {
                throw new ConsoleException(Failure.BAD_INPUT, "Give the command after -- or --script-stdin, not both.");
            }
            return context.readAll("script");
        }
        if (command == null || command.isEmpty()) {
            throw new ConsoleException(Failure.BAD_INPUT, "Give the command to run after --, or --script-stdin.");
        }
        return String.join(" ", command);
    }

    private Shell shell() {
        try {
            return Shell.ofWireName(shell);
        } catch (RuntimeException e) {
            throw new ConsoleException(Failure.BAD_INPUT, "--shell must be sh or powershell.");
        }
    }

    private record Update(SessionSnapshot snapshot, List<RecordedEvent> added) {}

    static ObjectNode line(String kind) {
        ObjectNode node = Json.object();
        node.put("event", kind);
        return node;
    }
}
