package dev.caisey.console.search;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search screen's state: the words, the {@link SearchFilters}, the hits of the last search and opening the session
 * at a chosen hit. It exists so that a manager can find "the day we restarted the spooler at Harbor" among every
 * mirrored record without opening them one by one. Searches run off the UI thread through {@link Background}; a newer
 * search wins over an older one still running, and a changed filter asks again once something was searched for.
 * Properties change only on the UI thread.
 */
public final class SearchViewModel {
    /** Opens a session's timeline at one event. */
    @FunctionalInterface
    public interface Opener {
        /** Shows {@code session} with event {@code seq} in view. */
        void openAt(String session, long seq);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final SearchIndex index;
    private final Background background;
    private final ZoneId zone;
    private final Opener opener;
    private final SearchFilters filters;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObjectProperty<SearchHit> selected = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private long generation;
    private boolean searched;

    /** A screen searching {@code index}, showing times in {@code zone} and opening hits through {@code opener}. */
    public SearchViewModel(SearchIndex index, Background background, ZoneId zone, Opener opener) {
        this.index = index;
        this.background = background;
        this.zone = zone;
        this.opener = opener;
        this.filters = new SearchFilters(zone, () -> {
            if (searched) {
                search();
            }
        });
    }

    /** Reads the filter choices from the index again (after the mirror added sessions), keeping what is chosen. */
    public void refreshChoices() {
        background.run(index::facets, filters::show, failure -> message.set(Problems.words(failure)));
    }

    /** Searches with the words and filters as they are now; the hits, or what went wrong, follow on the UI thread. */
    public void search() {
        SearchQuery q;
        try {
            q = filters.query(text.get(), SearchQuery.DEFAULT_LIMIT);
        } catch (ConsoleException e) {
            message.set(e.getMessage());
            return;
        }
        if (q.isEmpty()) {
            message.set("Type the words to look for, or choose a filter.");
            return;
        }
        searched = true;
        long mine = ++generation;
        busy.set(true);
        message.set("");
        background.run(
                () -> index.search(q),
                results -> {
                    if (mine == generation) {
                        busy.set(false);
                        show(results);
                    }
                },
                failure -> {
                    if (mine == generation) {
                        busy.set(false);
                        message.set(words(failure));
                    }
                });
    }

    private void show(SearchResults results) {
        hits.setAll(results.hits());
        selected.set(hits.isEmpty() ? null : hits.get(0));
        long total = results.totalHits();
        if (total == 0) {
            summary.set("No event matches.");
        } else if (!results.exact()) {
            summary.set(String.format(Locale.ROOT, "The newest %,d of more than %,d events.", hits.size(), total));
        } else if (results.truncated()) {
            summary.set(String.format(Locale.ROOT, "The newest %,d of %,d events.", hits.size(), total));
        } else {
            summary.set(String.format(Locale.ROOT, "%,d event%s.", total, total == 1 ? "" : "s"));
        }
    }

    private static String words(Throwable failure) {
        Throwable t = Background.unwrap(failure);
        if (t instanceof ConsoleException e && e.failure() == ConsoleException.Failure.BAD_INPUT) {
            return e.getMessage();
        }
        return "The search failed: " + Problems.words(t);
    }

    /** Opens the session of the selected hit at its event. */
    public void open() {
        SearchHit hit = selected.get();
        if (hit == null) {
            message.set("Choose an event in the list first.");
            return;
        }
        opener.openAt(hit.session(), hit.seq());
    }

    /** When the hit's event happened, in the screen's zone: "2026-11-17 10:15:38". */
    public String when(SearchHit hit) {
        return WHEN.format(hit.at().atZone(zone));
    }

    public SearchFilters filters() {
        return filters;
    }

    public StringProperty text() {
        return text;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ObjectProperty<SearchHit> selected() {
        return selected;
    }

    public ReadOnlyStringProperty summary() {
        return summary;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }
}
