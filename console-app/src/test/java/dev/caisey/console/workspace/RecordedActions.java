package dev.caisey.console.workspace;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ClientInvited;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A server-less stand-in for the session's server: writes down every request as a line and answers each at once, or
 * refuses all of them in words when {@link #refuse} is set.
 */
final class RecordedActions implements SessionActions {
    final List<String> sent = new ArrayList<>();
    String refuse;

    private <T> CompletableFuture<T> answer(String request, T value) {
        sent.add(request);
        return refuse == null
                ? CompletableFuture.completedFuture(value)
                : CompletableFuture.failedFuture(new ConsoleException(Failure.REFUSED, refuse));
    }

    @Override
    public CompletableFuture<Void> run(
            String session, String commandId, Shell shell, String script, String summary, boolean askApproval) {
        return answer("run " + shell.wireName() + " " + script + " summary=" + summary + " ask=" + askApproval, null);
    }

    @Override
    public CompletableFuture<Void> cancel(String session, String commandId) {
        return answer("cancel " + commandId, null);
    }

    @Override
    public CompletableFuture<Void> chat(String session, String text) {
        return answer("chat " + text, null);
    }

    @Override
    public CompletableFuture<Void> note(String session, String text) {
        return answer("note " + text, null);
    }

    @Override
    public CompletableFuture<Void> verify(String session, String commandId, Verdict verdict, String statement) {
        return answer("verify " + commandId + " " + verdict.wireName() + " " + statement, null);
    }

    @Override
    public CompletableFuture<ClientInvited> invite(String session) {
        return answer("invite", new ClientInvited(session, "K7QW2P", "https://127.0.0.1:8443/join/K7QW2P", 1L));
    }

    @Override
    public CompletableFuture<Void> close(String session, String resolution, Outcome outcome) {
        return answer("close " + outcome.wireName() + " " + resolution, null);
    }
}
