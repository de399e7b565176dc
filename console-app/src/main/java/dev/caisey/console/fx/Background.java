package dev.caisey.console.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The one way work leaves the UI thread and comes back: blocking work (disk, the certificate probe, a sign-in) runs on
 * a virtual thread, futures of the client core are awaited without blocking, and every result, failure included, is
 * handed to the UI executor ({@code Platform::runLater} in the console, the caller's thread in ViewModel tests). So a
 * ViewModel changes its properties only on the UI thread and never waits on the network.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService work;
    private final Executor ui;

    /** Work on virtual threads, results through {@code ui}. */
    public Background(Executor ui) {
        this.work = Executors.newVirtualThreadPerTaskExecutor();
        this.ui = ui;
    }

    /** Runs {@code task} off the UI thread; {@code done} or {@code failed} is then run on the UI thread. */
    public <T> void run(Callable<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        work.execute(() -> {
            T result;
            try {
                result = task.call();
            } catch (Exception | Error e) {
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    /** Waits for {@code future} without blocking anyone; {@code done} or {@code failed} runs on the UI thread. */
    public <T> void await(CompletableFuture<T> future, Consumer<T> done, Consumer<Throwable> failed) {
        future.whenComplete((result, failure) -> ui.execute(() -> {
            if (failure != null) {
                failed.accept(unwrap(failure));
            } else {
                done.accept(result);
            }
        }));
    }

    /** Runs {@code step} on the UI thread (from a listener of the client core, for example). */
    public void ui(Runnable step) {
        ui.execute(step);
    }

    /** The cause a future failed with, without its {@code CompletionException} wrapper. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Stops taking work; what runs finishes on its own. */
    @Override
    public void close() {
        work.shutdown();
    }
}
