package dev.caisey.console.timeline;

import dev.caisey.console.fx.Background;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Reads a session's events from its {@link TimelineSource} page by page off the UI thread and hands each page's rows
 * to the UI thread: a small first page so the first rows paint at once, then larger pages until the source's newest
 * event, with the share read so far as progress. It exists so that opening a session of 100,000 events never blocks
 * the window, and a refresh asked for while pages are still coming is not lost but run when they are done. Properties
 * change on the UI thread only.
 */
final class PageLoader {
    /** Events of the first page: few, so the first rows paint without waiting for the rest. */
    static final int FIRST_PAGE_EVENTS = 500;

    /** Events of every later page. */
    static final int PAGE_EVENTS = 5_000;

    private record Page(long lastSeqOfSource, RowBuilder.Batch batch) {}

    private final Background background;
    private final TimelineSource source;
    private final RowBuilder builder = new RowBuilder();
    private final Consumer<RowBuilder.Batch> sink;
    private final Consumer<Throwable> failed;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private long loadedSeq;
    private long targetSeq;
    private boolean again;

    /** A loader handing pages to {@code sink} and failures to {@code failed}, both on the UI thread. */
    PageLoader(
            Background background, TimelineSource source, Consumer<RowBuilder.Batch> sink, Consumer<Throwable> failed) {
        this.background = background;
        this.source = source;
        this.sink = sink;
        this.failed = failed;
    }

    /** Reads the events after the last one read, up to the source's newest; runs again later if already reading. */
    void more() {
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        fetch(loadedSeq == 0 ? FIRST_PAGE_EVENTS : PAGE_EVENTS);
    }

    private void fetch(int limit) {
        long after = loadedSeq;
        background.run(
                () -> {
                    long newest = source.lastSeq();
                    List<RecordedEvent> events = source.events(after, limit);
                    return new Page(newest, builder.next(events));
                },
                this::took,
                failure -> {
                    loading.set(false);
                    again = false;
                    failed.accept(failure);
                });
    }

    private void took(Page page) {
        RowBuilder.Batch batch = page.batch();
        targetSeq = Math.max(targetSeq, page.lastSeqOfSource());
        boolean gotSome = batch.lastSeq() > loadedSeq;
        if (gotSome) {
            loadedSeq = batch.lastSeq();
            targetSeq = Math.max(targetSeq, loadedSeq);
            sink.accept(batch);
        }
        progress.set(targetSeq == 0 ? 1 : (double) loadedSeq / targetSeq);
        if (gotSome && loadedSeq < targetSeq) {
            fetch(PAGE_EVENTS);
            return;
        }
        loading.set(false);
        if (again) {
            again = false;
            more();
        }
    }

    /** The {@code seq} of the last event read. */
    long loadedSeq() {
        return loadedSeq;
    }

    /** The share of the source's events read so far, 0 to 1. */
    ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    /** Whether pages are being read. */
    ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }
}
