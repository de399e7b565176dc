package dev.caisey.console.workspace;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ClientInvited;
import java.util.concurrent.CompletableFuture;

/**
 * What a workspace asks the server to do in its session; each completes once the server recorded it. The console's
 * implementation is {@link #of(ConsoleClient)}; keeping it an interface lets the workspace's logic be tested with a
 * server-less recorder of requests.
 */
public interface SessionActions {
    CompletableFuture<Void> run(
            String session, String commandId, Shell shell, String script, String summary, boolean askApproval);

    CompletableFuture<Void> cancel(String session, String commandId);

    CompletableFuture<Void> chat(String session, String text);

    CompletableFuture<Void> note(String session, String text);

    CompletableFuture<Void> verify(String session, String commandId, Verdict verdict, String statement);

    CompletableFuture<ClientInvited> invite(String session);

    CompletableFuture<Void> close(String session, String resolution, Outcome outcome);

    /** The actions of a signed-in client. */
    static SessionActions of(ConsoleClient client) {
        return new SessionActions() {
            @Override
            public CompletableFuture<Void> run(
                    String session, String commandId, Shell shell, String script, String summary, boolean ask) {
                return client.runCommand(session, commandId, shell, script, summary, ask);
            }

            @Override
            public CompletableFuture<Void> cancel(String session, String commandId) {
                return client.cancel(session, commandId);
            }

            @Override
            public CompletableFuture<Void> chat(String session, String text) {
                return client.chat(session, text);
            }

            @Override
            public CompletableFuture<Void> note(String session, String text) {
                return client.note(session, text);
            }

            @Override
            public CompletableFuture<Void> verify(String session, String commandId, Verdict verdict, String statement) {
                return client.verify(session, commandId, verdict, statement);
            }

            @Override
            public CompletableFuture<ClientInvited> invite(String session) {
                return client.invite(session);
            }

            @Override
            public CompletableFuture<Void> close(String session, String resolution, Outcome outcome) {
                return client.close(session, resolution, outcome);
            }
        };
    }
}
