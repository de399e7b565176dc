package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.ClientInvited;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The one-shot acts in a session, each a small command: chat, note, verify, invite, close. Each signs in with the
 * remembered token, sends one request and says it was recorded (every answer comes after the event is durable).
 */
final class SessionActCommands {
    private SessionActCommands() {}

    /** Sends one request in a session and reports it done. */
    abstract static class Act implements Callable<Integer> {
        final CliContext context;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SESSION", description = "The session's id.")
        String session;

        Act(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            check();
            try (ConsoleClient client = SignedIn.open(context, common)) {
                CliContext.await(send(client));
            }
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("session", session);
                node.put("recorded", true);
                context.json(node);
            } else {
                context.out().println(done());
            }
            return ExitCodes.OK;
        }

        void check() {}

        abstract CompletableFuture<Void> send(ConsoleClient client);

        abstract String done();
    }

    @Command(name = "chat", description = "Write in the session's chat (the client sees it).")
    static final class Chat extends Act {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message.")
        List<String> text;

        Chat(CliContext context) {
            super(context);
        }

        @Override
        CompletableFuture<Void> send(ConsoleClient client) {
            return client.chat(session, String.join(" ", text));
        }

        @Override
        String done() {
            return "Sent to the chat of " + session + ".";
        }
    }

    @Command(name = "note", description = "Add a note to the record (the client does not see it in the chat).")
    static final class Note extends Act {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note.")
        List<String> text;

        Note(CliContext context) {
            super(context);
        }

        @Override
        CompletableFuture<Void> send(ConsoleClient client) {
            return client.note(session, String.join(" ", text));
        }

        @Override
        String done() {
            return "Note added to " + session + ".";
        }
    }

    @Command(name = "verify", description = "Record a verification step: what was checked and whether it passed.")
    static final class Verify extends Act {
        @Option(names = "--command", paramLabel = "ID", description = "The command whose output shows the result.")
        String commandId;

        @Option(names = "--passed", description = "The check passed.")
        boolean passed;

        @Option(names = "--failed", description = "The check failed.")
        boolean failed;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "What was checked and seen.")
        List<String> text;

        Verify(CliContext context) {
            super(context);
        }

        @Override
        void check() {
            if (passed == failed) {
                throw new ConsoleException(
                        Failure.BAD_INPUT, "Say whether the check passed or failed: --passed or --failed.");
            }
        }

        @Override
        CompletableFuture<Void> send(ConsoleClient client) {
            return client.verify(session, commandId, passed ? Verdict.PASSED : Verdict.FAILED, String.join(" ", text));
        }

        @Override
        String done() {
            return "Verification recorded in " + session + ": " + (passed ? "passed" : "failed") + ".";
        }
    }

    @Command(name = "close", description = "Close the session with a resolution.")
    static final class Close extends Act {
        @Option(names = "--resolution", required = true, paramLabel = "TEXT", description = "What was done.")
        String resolution;

        @Option(
                names = "--outcome",
                paramLabel = "OUTCOME",
                defaultValue = "resolved",
                description = "resolved, unresolved, escalated or abandoned (default: ${DEFAULT-VALUE}).")
        String outcome;

        Close(CliContext context) {
            super(context);
        }

        @Override
        CompletableFuture<Void> send(ConsoleClient client) {
            return client.close(session, resolution, outcomeOf(outcome));
        }

        @Override
        String done() {
            return "Closed " + session + " (" + outcome + ").";
        }

        private static Outcome outcomeOf(String text) {
            try {
                return Outcome.ofWireName(text);
            } catch (RuntimeException e) {
                throw new ConsoleException(
                        Failure.BAD_INPUT, "--outcome must be resolved, unresolved, escalated or abandoned.");
            }
        }
    }

    @Command(name = "invite", description = "Make a join link and code for the client; prints both.")
    static final class Invite implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SESSION", description = "The session's id.")
        String session;

        Invite(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ClientInvited invited;
            try (ConsoleClient client = SignedIn.open(context, common)) {
                invited = CliContext.await(client.invite(session));
            }
            Function<Long, String> time = at -> Micros.toInstant(at).toString();
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("session", invited.session());
                node.put("url", invited.url());
                node.put("code", invited.code());
                node.put("expiresAt", time.apply(invited.expiresAt()));
                context.json(node);
            } else {
                context.out().println("Join link: " + invited.url());
                context.out().println("Code: " + invited.code());
                context.out().println("Valid until " + Texts.utc(invited.expiresAt()) + ".");
            }
            return ExitCodes.OK;
        }
    }
}
