package dev.caisey.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The UI thread of a ViewModel test: work handed to the UI is queued and run on the test's own thread when it pumps,
 * so properties change only on one thread, as on the FX thread.
 */
public final class UiQueue implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable step) {
        queue.add(step);
    }

    /** Runs what is queued now. */
    public void pump() {
        Runnable step;
        while ((step = queue.poll()) != null) {
            step.run();
        }
    }

    /** Runs queued work until {@code condition} holds, failing after {@code wait}. */
    public void pumpUntil(Duration wait, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        pump();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Runnable step = queue.poll(50, TimeUnit.MILLISECONDS);
            if (step != null) {
                step.run();
            }
        }
    }
}
