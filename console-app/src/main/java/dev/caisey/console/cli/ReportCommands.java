package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.Registration;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.SendState;
import dev.caisey.record.protocol.ShareCreated;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What happens to a closed session's record besides exporting it, from a script: e-mailing the report to the client
 * ({@code send}, waiting for the delivery's end unless told not to), share links ({@code share}, {@code unshare}) and
 * the access log ({@code access}). The desktop console's report panel does the same through the same client core.
 */
final class ReportCommands {
    /** How long {@code send} waits for the delivery to end unless {@code --wait} says otherwise. */
    static final long DEFAULT_SEND_WAIT_SECONDS = 900;

    private ReportCommands() {}

    @Command(name = "send", description = "E-mail a closed session's report to its organisation; waits until sent.")
    static final class Send implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SESSION", description = "The closed session's id.")
        String session;

        @Option(names = "--no-wait", description = "Return once the server queued the e-mail.")
        boolean noWait;

        @Option(
                names = "--wait",
                paramLabel = "SECONDS",
                defaultValue = "" + DEFAULT_SEND_WAIT_SECONDS,
                description = "Wait at most this long for the e-mail to be sent (default: ${DEFAULT-VALUE}).")
        long waitSeconds;

        Send(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (waitSeconds < 1) {
                throw new ConsoleException(Failure.BAD_INPUT, "--wait must be at least 1 second.");
            }
            LinkedBlockingQueue<ReportSendStatus> later = new LinkedBlockingQueue<>();
            ReportSendStatus status;
            try (ConsoleClient client = SignedIn.open(context, common)) {
                Registration listening = client.onReportStatus(later::add);
                try {
                    status = waitFor(CliContext.await(client.sendReport(session)), later);
                } finally {
                    listening.close();
                }
            }
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("session", status.session());
                node.put("id", status.id());
                node.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
                node.put("attempts", status.attempts());
                node.put("message", status.message());
                node.put("nextAttemptAt", status.nextAttemptAt() == null ? null : Texts.utc(status.nextAttemptAt()));
                context.json(node);
            }
            return status.state() == SendState.FAILED ? ExitCodes.FAILED : ExitCodes.OK;
        }

        /** Says each status of this send until it ended (or at once with {@code --no-wait}), bounded by --wait. */
        private ReportSendStatus waitFor(ReportSendStatus first, LinkedBlockingQueue<ReportSendStatus> later) {
            ReportSendStatus status = first;
            say(status);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            try {
                while (!noWait && !ended(status)) {
                    ReportSendStatus next = later.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        throw new ConsoleException(
                                Failure.TIMEOUT,
                                "The report was not sent within " + waitSeconds + " s; the server keeps trying. "
                                        + "See caisey session access " + session + " later.");
                    }
                    if (next.id().equals(status.id())) {
                        status = next;
                        say(status);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsoleException(Failure.CONNECTION, "Interrupted while waiting; the server keeps trying.");
            }
            return status;
        }

        private static boolean ended(ReportSendStatus s) {
            return s.state() == SendState.SENT || s.state() == SendState.FAILED;
        }

        private void say(ReportSendStatus s) {
            if (!common.json) {
                context.out()
                        .println(s.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + s.message()
                                + (s.state() == SendState.RETRYING && s.nextAttemptAt() != null
                                        ? " (next try " + Texts.utc(s.nextAttemptAt()) + ")"
                                        : ""));
            }
        }
    }

    @Command(name = "share", description = "Make a read-only link to a closed session's record; prints it once.")
    static final class Share implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SESSION", description = "The closed session's id.")
        String session;

        @Option(
                names = "--days",
                paramLabel = "N",
                defaultValue = "7",
                description = "How many days the link works (1 to 30, default: ${DEFAULT-VALUE}).")
        int days;

        Share(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (days < 1 || days > 30) {
                throw new ConsoleException(Failure.BAD_INPUT, "--days must be 1 to 30; found " + days + ".");
            }
            ShareCreated link;
            try (ConsoleClient client = SignedIn.open(context, common)) {
                link = CliContext.await(client.share(session, Duration.ofDays(days)));
            }
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("session", session);
                node.put("id", link.id());
                node.put("url", link.url());
                node.put("expiresAt", Texts.utc(link.expiresAt()));
                context.json(node);
            } else {
                context.out().println("Link: " + link.url());
                context.out().println("Id: " + link.id() + " (caisey session unshare " + link.id() + " revokes it)");
                context.out().println("Valid until " + Texts.utc(link.expiresAt()) + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "unshare", description = "Revoke a share link; it stops working at once.")
    static final class Unshare implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SHARE_ID", description = "The link's id, as share printed it.")
        String shareId;

        Unshare(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (ConsoleClient client = SignedIn.open(context, common)) {
                CliContext.await(client.unshare(shareId));
            }
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("id", shareId);
                node.put("revoked", true);
                context.json(node);
            } else {
                context.out().println("Revoked " + shareId + ".");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "access", description = "Who exported, e-mailed, shared or viewed a session's record.")
    static final class Access implements Callable<Integer> {
        private final CliContext context;

        @Mixin
        Common common;

        @Parameters(index = "0", paramLabel = "SESSION", description = "The session's id.")
        String session;

        Access(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            AccessEntries log;
            try (ConsoleClient client = SignedIn.open(context, common)) {
                log = CliContext.await(client.accessLog(session));
            }
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("session", log.session());
                node.put("more", log.more());
                ArrayNode entries = node.putArray("entries");
                for (AccessEntry e : log.entries()) {
                    ObjectNode line = entries.addObject();
                    line.put("at", Texts.utc(e.at()));
                    line.put("actor", e.actor());
                    line.put("role", e.role() == null ? null : e.role().wireName());
                    line.put("action", e.action().wireName());
                    line.put("detail", e.detail());
                }
                context.json(node);
            } else if (log.entries().isEmpty()) {
                context.out().println("Nobody exported, e-mailed, shared or viewed " + session + " yet.");
            } else {
                for (AccessEntry e : log.entries()) {
                    context.out()
                            .println(Texts.utc(e.at()) + "  " + e.actor() + "  "
                                    + e.action().wireName() + (e.detail() == null ? "" : "  " + e.detail()));
                }
                if (log.more()) {
                    context.out().println("(older entries are not listed)");
                }
            }
            return ExitCodes.OK;
        }
    }
}
