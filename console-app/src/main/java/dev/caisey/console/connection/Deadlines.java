package dev.caisey.console.connection;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Gives an answer a deadline, turning a missed one into a {@link Failure#TIMEOUT} that says what was late. */
final class Deadlines {
    private Deadlines() {}

    /** {@code work}'s result, or a {@link Failure#TIMEOUT} naming {@code what} if it takes longer than {@code limit}. */
    static <T> CompletableFuture<T> within(CompletableFuture<T> work, Duration limit, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        work.orTimeout(limit.toNanos(), TimeUnit.NANOSECONDS).whenComplete((value, failure) -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause == null) {
                result.complete(value);
            } else if (cause instanceof TimeoutException) {
                result.completeExceptionally(new ConsoleException(
                        Failure.TIMEOUT, "The server did not answer " + what + " within " + limit.toSeconds() + " s."));
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }
}
