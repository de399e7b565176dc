package dev.caisey.console.timeline;

import dev.caisey.console.fx.Background;
import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.console.timeline.TimelineRow.OutputRow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Which commands have their output unfolded under them, and the unfolding itself: the output is assembled off the UI
 * thread by {@link OutputAssembler}, then its rows are put under the command's row and kept so a change of filter
 * shows them again; the output of a command still running is read again as new events arrive. It exists so the view model keeps to what is shown, while reading output back, which may take a
 * pass over many events, stays in one place. Used on the UI thread only.
 */
final class ExpandedOutput {
    private final Background background;
    private final TimelineSource source;
    private final Consumer<Throwable> failed;
    private final Map<Long, List<OutputRow>> shown = new HashMap<>();
    private final Set<Long> reading = new HashSet<>();
    private final Map<Long, EventRow> running = new HashMap<>();
    private final ObservableSet<Long> expanded = FXCollections.observableSet();
    private final ObservableSet<Long> readOnly = FXCollections.unmodifiableObservableSet(expanded);

    /** Output read from {@code source} through {@code background}; a failure goes to {@code failed}. */
    ExpandedOutput(Background background, TimelineSource source, Consumer<Throwable> failed) {
        this.background = background;
        this.source = source;
        this.failed = failed;
    }

    /** The output rows of every expanded command, by the {@code seq} of its request. */
    Map<Long, List<OutputRow>> rows() {
        return shown;
    }

    /** The {@code seq} of every command request whose output is shown. */
    ObservableSet<Long> expanded() {
        return readOnly;
    }

    /** Whether the command requested by event {@code seq} shows its output. */
    boolean isExpanded(long seq) {
        return shown.containsKey(seq);
    }

    /**
     * Folds the output of the command requested by {@code row} away from {@code rows}, or reads it (events up to {@code
     * loadedSeq} while the command runs) and unfolds it there; a row that requested no command is left alone.
     */
    void toggle(List<TimelineRow> rows, EventRow row, long loadedSeq) {
        long seq = row.seq();
        if (row.path() == null || reading.contains(seq)) {
            return;
        }
        List<OutputRow> output = shown.remove(seq);
        if (output != null) {
            expanded.remove(seq);
            running.remove(seq);
            int at = ShownRows.indexOf(rows, seq);
            if (at >= 0) {
                rows.subList(at + 1, at + 1 + output.size()).clear();
            }
            return;
        }
        read(rows, row, loadedSeq);
    }

    /**
     * Reads again the output of unfolded commands that were still running, now that events up to {@code loadedSeq} are
     * read; {@code replaced} are the command rows whose path grew.
     */
    void follow(List<TimelineRow> rows, List<EventRow> replaced, long loadedSeq) {
        for (EventRow newer : replaced) {
            running.computeIfPresent(newer.seq(), (seq, older) -> newer);
        }
        for (EventRow row : List.copyOf(running.values())) {
            if (!reading.contains(row.seq())) {
                read(rows, row, loadedSeq);
            }
        }
    }

    private void read(List<TimelineRow> rows, EventRow row, long loadedSeq) {
        long seq = row.seq();
        reading.add(seq);
        long to = row.path().ended() ? row.path().lastSeq() : loadedSeq;
        background.run(
                () -> OutputAssembler.read(source, row.commandId(), seq, to),
                read -> {
                    reading.remove(seq);
                    int at = ShownRows.indexOf(rows, seq);
                    List<OutputRow> before = shown.put(seq, read);
                    if (at >= 0) {
                        if (before != null) {
                            rows.subList(at + 1, at + 1 + before.size()).clear();
                        }
                        rows.addAll(at + 1, read);
                    }
                    expanded.add(seq);
                    if (row.path().ended()) {
                        running.remove(seq);
                    } else {
                        running.putIfAbsent(seq, row);
                    }
                },
                failure -> {
                    reading.remove(seq);
                    failed.accept(failure);
                });
    }
}
