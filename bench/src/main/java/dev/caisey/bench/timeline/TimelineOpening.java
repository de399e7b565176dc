package dev.caisey.bench.timeline;

import dev.caisey.console.fx.Background;
import dev.caisey.console.timeline.TimelineRow;
import dev.caisey.console.timeline.TimelineSource;
import dev.caisey.console.timeline.TimelineViewModel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;

/**
 * One timed opening of a session's timeline: a new {@link TimelineViewModel} is made on the UI thread and told to
 * load, and the clock stops twice, when its first rows are in {@link TimelineViewModel#rows()} (what the first paint
 * shows) and when it stops loading with the whole session read. It exists so the bench measures exactly what the
 * console does when a session is opened, through the same {@link Background}, with a plain single thread standing in
 * for the FX thread (no toolkit: the ViewModel needs none, and painting itself is not what is measured).
 */
final class TimelineOpening {
    private static final double NANOS_PER_MS = 1e6;

    /**
     * What one opening took.
     *
     * @param firstPaintMillis from asking for the timeline until its first rows were in place
     * @param firstPaintEvents how many events those first rows show (the loader's first page)
     * @param loadedMillis from asking until the whole session was read and its rows in place
     */
    record Times(double firstPaintMillis, long firstPaintEvents, double loadedMillis) {}

    private TimelineOpening() {}

    /**
     * Opens the timeline of {@code source} through {@code background}, whose UI executor is {@code ui}, and waits at
     * most {@code limit} for it to be whole.
     *
     * @throws IllegalStateException if the timeline reports a problem, stops short of the source's last event or does
     *     not finish in time
     */
    static Times time(Background background, Executor ui, TimelineSource source, Duration limit)
            throws InterruptedException {
        CountDownLatch painted = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        AtomicLong paintedAt = new AtomicLong();
        AtomicLong paintedSeq = new AtomicLong();
        AtomicLong loadedAt = new AtomicLong();
        AtomicReference<TimelineViewModel> opened = new AtomicReference<>();
        long start = System.nanoTime();
        ui.execute(() -> {
            TimelineViewModel model = new TimelineViewModel(background, source);
            model.rows().addListener((ListChangeListener<TimelineRow>) change -> {
                if (painted.getCount() > 0 && !model.rows().isEmpty()) {
                    paintedAt.set(System.nanoTime());
                    paintedSeq.set(model.loadedSeq());
                    painted.countDown();
                }
            });
            model.loading().addListener((property, was, now) -> {
                if (was && !now) {
                    loadedAt.set(System.nanoTime());
                    painted.countDown();
                    loaded.countDown();
                }
            });
            opened.set(model);
            model.load();
        });
        long deadline = System.nanoTime() + limit.toNanos();
        if (!painted.await(limit.toNanos(), TimeUnit.NANOSECONDS)
                || !loaded.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("the timeline of " + source.session() + " was not read within " + limit);
        }
        check(ui, opened.get(), source);
        return new Times(
                (paintedAt.get() - start) / NANOS_PER_MS, paintedSeq.get(), (loadedAt.get() - start) / NANOS_PER_MS);
    }

    /** Checks, on the UI thread once it has handled everything before, that the whole session was read. */
    private static void check(Executor ui, TimelineViewModel model, TimelineSource source) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        AtomicReference<String> problem = new AtomicReference<>();
        ui.execute(() -> {
            if (!model.message().get().isEmpty()) {
                problem.set("the timeline said: " + model.message().get());
            } else if (model.loadedSeq() != source.lastSeq() || model.rows().isEmpty()) {
                problem.set("the timeline read " + model.loadedSeq() + " of " + source.lastSeq() + " events into "
                        + model.rows().size() + " rows");
            }
            seen.countDown();
        });
        if (!seen.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the UI thread did not answer within a minute");
        }
        if (problem.get() != null) {
            throw new IllegalStateException(problem.get());
        }
    }
}
