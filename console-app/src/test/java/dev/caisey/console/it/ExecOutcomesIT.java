package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.cli.ExitCodes;
import dev.caisey.console.it.ConsoleHarness.Run;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.it.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ends of {@code caisey session exec} other than an exit status, each with its documented status: an approval
 * nobody answers, a command that runs past its limit, a command someone cancels.
 */
class ExecOutcomesIT {
    @TempDir
    Path dir;

    @Test
    void expiredTimedOutAndCancelledCommandsEachHaveTheirOwnStatus() throws Exception {
        try (ConsoleHarness h = new ConsoleHarness(dir, Duration.ofSeconds(2))) {
            String endpoint = h.startAgent();
            h.login();
            String session = h.caisey("session", "open", endpoint).out().strip();

            Run expired = h.caisey("session", "exec", session, "--", "kill -0 $$");
            assertThat(expired.status()).as(expired.err()).isEqualTo(ExitCodes.APPROVAL_EXPIRED);
            assertThat(expired.err())
                    .contains("Waiting for the client's approval")
                    .contains("Nobody answered the approval in time; nothing was run.");

            Run timedOut = h.caisey("session", "exec", session, "--timeout", "1", "--", "echo start; sleep 30");
            assertThat(timedOut.status()).as(timedOut.err()).isEqualTo(ExitCodes.TIMED_OUT);
            assertThat(timedOut.out()).isEqualTo("start\n");
            assertThat(timedOut.err()).contains("ran longer than 1 s and was stopped");

            try (WireClient colleague = h.fixture.console("dana")) {
                colleague.ask(new SessionSubscribe(session, h.fixture.heads().get(session)), Ok.class);
                CompletableFuture<Run> running =
                        CompletableFuture.supplyAsync(() -> h.caisey("session", "exec", session, "--", "sleep 300"));
                String commandId = null;
                long deadline = System.nanoTime() + ConsoleHarness.WAIT.toNanos();
                while (commandId == null) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    EventPush push = colleague.awaitBody(EventPush.class);
                    if (push.event().event() instanceof CommandStarted started) {
                        commandId = started.commandId();
                    }
                }
                colleague.ask(new CommandCancel(session, commandId), Ok.class);
                Run cancelled = running.get(ConsoleHarness.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(cancelled.status()).as(cancelled.err()).isEqualTo(ExitCodes.CANCELLED);
                assertThat(cancelled.err()).contains("The command was stopped");
            }
        }
    }
}
