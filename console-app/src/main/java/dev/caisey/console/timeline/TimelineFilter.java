package dev.caisey.console.timeline;

import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * Which events the timeline shows: a set of event types and a set of actors (swimlanes), both editable, with every
 * change reported once so the rows are laid out again from what is already read, never read again. Output chunks are
 * not among the types: they are shown under their command. Used on the UI thread only.
 */
final class TimelineFilter implements Predicate<EventRow> {
    private static final Set<EventType> FILTERABLE = EnumSet.complementOf(EnumSet.of(EventType.COMMAND_OUTPUT));

    private final ObservableSet<EventType> types = FXCollections.observableSet(EnumSet.copyOf(FILTERABLE));
    private final ObservableSet<Role> actors = FXCollections.observableSet(EnumSet.allOf(Role.class));
    private final Runnable changed;
    private boolean quiet;

    /** A filter showing everything at first, which runs {@code changed} after each change. */
    TimelineFilter(Runnable changed) {
        this.changed = changed;
        SetChangeListener<Object> listener = change -> {
            if (!quiet) {
                changed.run();
            }
        };
        types.addListener(listener);
        actors.addListener(listener);
    }

    /** The event types a filter can choose from: all but output chunks. */
    static Set<EventType> filterable() {
        return EnumSet.copyOf(FILTERABLE);
    }

    @Override
    public boolean test(EventRow row) {
        return types.contains(row.type()) && actors.contains(row.lane());
    }

    /** The event types shown. */
    ObservableSet<EventType> types() {
        return types;
    }

    /** The actors shown. */
    ObservableSet<Role> actors() {
        return actors;
    }

    /** Shows exactly the types {@code wanted}, reporting one change however many types change. */
    void showOnlyTypes(Collection<EventType> wanted) {
        quiet = true;
        try {
            types.retainAll(wanted);
            types.addAll(wanted);
        } finally {
            quiet = false;
        }
        changed.run();
    }
}
