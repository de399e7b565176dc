package dev.caisey.console.sessions;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.fx.Times;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.SessionInfo;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
import javafx.collections.transformation.FilteredList;

/**
 * The sessions screen's state: every session the user may see, open ones first and then the newest, narrowed by a
 * search text, and opening the chosen one in a workspace. It exists because a session opened from the endpoints screen
 * must stay reachable after the tab was closed or the console restarted, and a closed one must be readable again.
 * Properties change only on the UI thread; the list is asked for through {@link #refresh()}.
 */
public final class SessionsViewModel {
    /** Open sessions first, then the most recently opened. */
    static final Comparator<SessionInfo> ORDER = Comparator.comparing((SessionInfo s) -> s.closedAt() != null)
            .thenComparing(Comparator.comparingLong(SessionInfo::openedAt).reversed())
            .thenComparing(SessionInfo::session);

    private final Background background;
    private final Supplier<CompletableFuture<List<SessionInfo>>> loader;
    private final Consumer<SessionInfo> opener;
    private final Function<String, String> organisations;
    private final ZoneId zone;
    private final ObservableList<SessionInfo> all = FXCollections.observableArrayList();
    private final FilteredList<SessionInfo> shown = new FilteredList<>(all, s -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<SessionInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * A screen listing what {@code loader} gives and handing the chosen session to {@code opener}; {@code organisations}
     * turns an organisation id into its name (or returns the id when the name is not known).
     */
    public SessionsViewModel(
            Background background,
            Supplier<CompletableFuture<List<SessionInfo>>> loader,
            Consumer<SessionInfo> opener,
            Function<String, String> organisations,
            ZoneId zone) {
        this.background = background;
        this.loader = loader;
        this.opener = opener;
        this.organisations = organisations;
        this.zone = zone;
        search.addListener((o, was, is) -> refilter());
    }

    /** Asks the server for the list again; a failure is shown in words and the old list stays. */
    public void refresh() {
        busy.set(true);
        background.await(
                loader.get(),
                list -> {
                    busy.set(false);
                    message.set("");
                    show(list);
                },
                failure -> {
                    busy.set(false);
                    message.set("The sessions could not be listed: " + Problems.words(failure)
                            + " Press Refresh to try again.");
                });
    }

    /** Replaces the list (UI thread), keeping the selection when the session is still there. */
    void show(List<SessionInfo> sessions) {
        SessionInfo before = selected.get();
        all.setAll(sessions.stream().sorted(ORDER).toList());
        if (before != null) {
            selected.set(all.stream()
                    .filter(s -> s.session().equals(before.session()))
                    .findFirst()
                    .orElse(null));
        }
    }

    private void refilter() {
        String words = search.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(s -> words.isEmpty() || haystack(s).contains(words));
    }

    private String haystack(SessionInfo s) {
        return String.join(
                        " ",
                        s.endpointName(),
                        organisation(s),
                        s.technician(),
                        s.ticket() == null ? "" : s.ticket(),
                        s.session(),
                        state(s))
                .toLowerCase(Locale.ROOT);
    }

    /** Opens the selected session in a workspace. */
    public void open() {
        SessionInfo s = selected.get();
        if (s == null) {
            message.set("Choose a session in the list first.");
            return;
        }
        message.set("");
        opener.accept(s);
    }

    /** The organisation's name, or its id when the console does not know the name. */
    public String organisation(SessionInfo s) {
        return organisations.apply(s.organisationId());
    }

    /** "open" or "closed: resolved". */
    public static String state(SessionInfo s) {
        return s.closedAt() == null
                ? "open"
                : "closed: " + (s.outcome() == null ? "?" : s.outcome().wireName());
    }

    /** When it opened, in the console's zone. */
    public String opened(SessionInfo s) {
        return Times.dayTime(Micros.toInstant(s.openedAt()), zone);
    }

    /** When it closed, or empty while open. */
    public String closed(SessionInfo s) {
        return s.closedAt() == null ? "" : Times.dayTime(Micros.toInstant(s.closedAt()), zone);
    }

    /** Every session, search or not (to tell "none at all" from "none match"). */
    public ObservableList<SessionInfo> all() {
        return FXCollections.unmodifiableObservableList(all);
    }

    public FilteredList<SessionInfo> shown() {
        return shown;
    }

    public StringProperty search() {
        return search;
    }

    public ObjectProperty<SessionInfo> selected() {
        return selected;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }
}
