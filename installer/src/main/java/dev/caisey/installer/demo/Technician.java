package dev.caisey.installer.demo;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.session.CommandPhase;
import dev.caisey.console.session.CommandView;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ClientInvited;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The technician's side of one demo session, through the console's client core: every act goes over the real protocol
 * and is waited for until the session's feed shows its effect, so the stories read like a person working.
 */
final class Technician implements AutoCloseable {
    /** How long any one step may take before the demo gives up. */
    static final Duration STEP_WAIT = Duration.ofSeconds(60);

    private final ConsoleClient client;
    private final String session;
    private final SessionFeed feed;
    private final AtomicReference<SessionSnapshot> latest = new AtomicReference<>();
    private final Object changed = new Object();

    private Technician(ConsoleClient client, String session) {
        this.client = client;
        this.session = session;
        this.latest.set(SessionSnapshot.empty(session));
        this.feed = client.follow(session, (snapshot, added) -> {
            latest.set(snapshot);
            synchronized (changed) {
                changed.notifyAll();
            }
        });
    }

    /** Opens a session on an endpoint and follows it. */
    static Technician open(ConsoleClient client, String endpoint, String ticket, Instant reportedAt) {
        return new Technician(client, await(client.openSession(endpoint, ticket, reportedAt)));
    }

    String session() {
        return session;
    }

    ClientInvited invite() {
        return await(client.invite(session));
    }

    void chat(String text) {
        await(client.chat(session, text));
    }

    void note(String text) {
        await(client.note(session, text));
    }

    /** Asks for a command and waits until it has ended, or is waiting for the client's approval. */
    CommandView run(String script, String summary) {
        String id = ConsoleClient.newCommandId();
        await(client.runCommand(session, id, Shell.SH, script, summary, false));
        return waitFor(s -> {
                    CommandView c = s.command(id);
                    return c != null && (c.phase().ended() || c.phase() == CommandPhase.AWAITING_APPROVAL);
                })
                .command(id);
    }

    /** Waits until a command has ended (after the client answered). */
    CommandView finished(String commandId) {
        return waitFor(s -> s.command(commandId) != null
                        && s.command(commandId).phase().ended())
                .command(commandId);
    }

    /** The id of the approval asked for a command. */
    String approvalOf(String commandId) {
        return waitFor(s -> s.approvalCommands().containsValue(commandId)).approvalCommands().entrySet().stream()
                .filter(e -> e.getValue().equals(commandId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    void verify(String commandId, Verdict verdict, String statement) {
        await(client.verify(session, commandId, verdict, statement));
    }

    void close(String resolution, Outcome outcome) {
        await(client.close(session, resolution, outcome));
        waitFor(s -> s.closed() != null);
    }

    private SessionSnapshot waitFor(Predicate<SessionSnapshot> done) {
        long deadline = System.nanoTime() + STEP_WAIT.toNanos();
        synchronized (changed) {
            while (!done.test(latest.get())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DemoException("The session " + session + " did not get there within "
                            + STEP_WAIT.toSeconds() + " s; see the logs in the demo's folder.");
                }
                try {
                    changed.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoException("Stopped.");
                }
            }
            return latest.get();
        }
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(STEP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new DemoException(
                    "The server refused a step of the demo: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new DemoException("The server did not answer within " + STEP_WAIT.toSeconds() + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Stopped.");
        }
    }

    @Override
    public void close() {
        feed.close();
    }
}
