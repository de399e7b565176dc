package dev.caisey.console.timeline;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Role;
import dev.caisey.report.phrasebook.LocalClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The state of one session's timeline: the rows the list shows (events in plain words, gaps, expanded output), the
 * type and actor filters, the headline figures, loading progress, and the commands "jump to a time", "select an
 * event", "expand a command's output" and "refresh". It exists so the viewer is tested without a toolkit: every rule of
 * what is shown lives here and in the small classes it uses. Properties and the row list change on the UI thread
 * only; reading events and assembling output run off it through the {@link Background}.
 */
public final class TimelineViewModel {
    private static final System.Logger LOG = System.getLogger(TimelineViewModel.class.getName());

    private final TimelineSource source;
    private final ShownRows layout;
    private final PageLoader loader;
    private final List<EventRow> all = new ArrayList<>();
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final TimelineFilter filter = new TimelineFilter(this::refilter);
    private final ExpandedOutput output;
    private final ReadOnlyObjectWrapper<HeadlineFigures> headline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper focus = new ReadOnlyIntegerWrapper(-1);
    private EventRow lastShown;
    private LocalClock clock;
    private long wanted = -1;

    /** A timeline of {@code source} with gaps longer than five minutes marked. */
    public TimelineViewModel(Background background, TimelineSource source) {
        this(background, source, ShownRows.DEFAULT_GAP);
    }

    /** A timeline of {@code source} with gaps longer than {@code gapThreshold} marked. */
    public TimelineViewModel(Background background, TimelineSource source, Duration gapThreshold) {
        this.source = source;
        this.layout = new ShownRows(gapThreshold);
        this.loader = new PageLoader(background, source, this::add, this::failed);
        this.output = new ExpandedOutput(background, source, this::failed);
    }

    /** The event types the type filter offers: all but output chunks, which are shown under their command. */
    public static Set<EventType> filterableTypes() {
        return TimelineFilter.filterable();
    }

    /** Starts reading the session; the rows appear page by page. */
    public void load() {
        loader.more();
    }

    /** Reads the events recorded since the last page (the mirror calls this when the session grows). */
    public void refresh() {
        loader.more();
    }

    private void add(RowBuilder.Batch batch) {
        clock = batch.clock();
        headline.set(batch.headline());
        for (EventRow row : batch.replaced()) {
            all.set(ShownRows.indexOf(all, row.seq()), row);
            int shownAt = ShownRows.indexOf(rows, row.seq());
            if (shownAt >= 0) {
                rows.set(shownAt, row);
            }
        }
        all.addAll(batch.added());
        List<TimelineRow> more = new ArrayList<>();
        lastShown = layout.append(more, lastShown, batch.added(), filter, output.rows());
        rows.addAll(more);
        output.follow(rows, batch.replaced(), loader.loadedSeq());
        if (wanted >= 0 && wanted <= loader.loadedSeq()) {
            select(wanted);
        }
    }

    private void failed(Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, "reading the timeline of " + source.session() + " failed", failure);
        message.set(Problems.words(failure));
    }

    private void refilter() {
        List<TimelineRow> now = layout.of(all, filter, output.rows());
        rows.setAll(now);
        lastShown = ShownRows.lastEvent(now);
    }

    /**
     * Selects the first shown event at or after {@code text} ("10:16", "10:16:30", "2026-11-17 10:16"), a time in the
     * organisation's zone; says in {@link #message()} what was wrong otherwise and changes nothing.
     */
    public boolean jumpTo(String text) {
        if (clock == null || all.isEmpty()) {
            message.set("The session has not been read yet; try again in a moment.");
            return false;
        }
        try {
            int index = TimeJump.index(text, clock, all, rows);
            message.set("");
            focusOn(index);
            return true;
        } catch (ConsoleException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** Selects the event {@code seq}, or the first shown one after it; waits for it if it is not read yet. */
    public void select(long seq) {
        if (seq > loader.loadedSeq()) {
            wanted = seq;
            return;
        }
        wanted = -1;
        int index = ShownRows.atOrAfter(rows, seq);
        if (index >= 0) {
            focusOn(index);
        }
    }

    private void focusOn(int index) {
        focus.set(-1);
        focus.set(index);
    }

    /** Shows or hides the output of the command requested by {@code row}; the output is read off the UI thread. */
    public void toggleOutput(EventRow row) {
        output.toggle(rows, row, loader.loadedSeq());
    }

    /** Whether the output of the command requested by event {@code seq} is shown. */
    public boolean isExpanded(long seq) {
        return output.isExpanded(seq);
    }

    /** The {@code seq} of every command request whose output is shown. */
    public ObservableSet<Long> expandedCommands() {
        return output.expanded();
    }

    /** The rows to show, in order; changes on the UI thread. */
    public ObservableList<TimelineRow> rows() {
        return readOnlyRows;
    }

    /** The event types shown; change it to filter. All of {@link #filterableTypes()} at first. */
    public ObservableSet<EventType> shownTypes() {
        return filter.types();
    }

    /** The actors (swimlanes) shown; change it to filter. All four at first. */
    public ObservableSet<Role> shownActors() {
        return filter.actors();
    }

    /** Shows exactly the event types {@code wanted}, with one pass over the rows however many change. */
    public void showOnlyTypes(Collection<EventType> wanted) {
        filter.showOnlyTypes(wanted);
    }

    /** The headline figures, {@code null} until the first page is read. */
    public ReadOnlyObjectProperty<HeadlineFigures> headline() {
        return headline.getReadOnlyProperty();
    }

    /** The share of the session read so far, 0 to 1. */
    public ReadOnlyDoubleProperty progress() {
        return loader.progress();
    }

    /** Whether pages are being read. */
    public ReadOnlyBooleanProperty loading() {
        return loader.loading();
    }

    /** What went wrong last, in words, or empty. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** The index of the row to scroll to and select; set again (through -1) on every jump. */
    public ReadOnlyIntegerProperty focus() {
        return focus.getReadOnlyProperty();
    }

    /** The {@code seq} of the last event read. */
    public long loadedSeq() {
        return loader.loadedSeq();
    }

    /** The session shown. */
    public String session() {
        return source.session();
    }
}
