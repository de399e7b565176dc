package dev.caisey.console.endpoints;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.record.protocol.EndpointInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
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
 * The endpoints screen's state: every endpoint the user may see with live presence, narrowed by a search text, an
 * organisation and online state, and the form that opens a session on the selected one (ticket, reported-at).
 * Properties change only on the UI thread; the list arrives from the client core through {@link #show(List)}.
 */
public final class EndpointsViewModel {
    /** The organisation choice that shows them all. */
    public static final String ALL_ORGANISATIONS = "All organisations";

    /** Which endpoints to show by presence. */
    public enum Presence {
        ALL("Online and offline"),
        ONLINE("Online only"),
        OFFLINE("Offline only");

        private final String label;

        Presence(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Opens a session: endpoint, ticket or null, reported-at or null; completes with the session id. */
    @FunctionalInterface
    public interface Opener {
        CompletableFuture<String> open(String endpointId, String ticket, Instant reportedAt);
    }

    /** A session just opened, for the shell to show. */
    public record Opened(String session, EndpointInfo endpoint) {}

    private final Background background;
    private final Opener opener;
    private final java.util.function.Consumer<Opened> opened;
    private final ZoneId zone;
    private final ObservableList<EndpointInfo> all = FXCollections.observableArrayList();
    private final FilteredList<EndpointInfo> shown = new FilteredList<>(all, e -> true);
    private final ObservableList<String> organisations = FXCollections.observableArrayList(ALL_ORGANISATIONS);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty organisation = new SimpleStringProperty(ALL_ORGANISATIONS);
    private final ObjectProperty<Presence> presence = new SimpleObjectProperty<>(Presence.ALL);
    private final ObjectProperty<EndpointInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty ticket = new SimpleStringProperty("");
    private final StringProperty reportedAt = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /** A screen opening sessions through {@code opener}; {@code opened} is told each new session. */
    public EndpointsViewModel(
            Background background, Opener opener, java.util.function.Consumer<Opened> opened, ZoneId zone) {
        this.background = background;
        this.opener = opener;
        this.opened = opened;
        this.zone = zone;
        search.addListener((o, was, is) -> refilter());
        organisation.addListener((o, was, is) -> refilter());
        presence.addListener((o, was, is) -> refilter());
    }

    /** Replaces the list with the client core's latest (UI thread). */
    public void show(List<EndpointInfo> endpoints) {
        EndpointInfo before = selected.get();
        all.setAll(endpoints);
        TreeSet<String> names = new TreeSet<>();
        endpoints.forEach(e -> names.add(e.organisationName()));
        List<String> choices = new java.util.ArrayList<>(List.of(ALL_ORGANISATIONS));
        choices.addAll(names);
        if (!organisations.equals(choices)) {
            String keep = organisation.get();
            organisations.setAll(choices);
            organisation.set(choices.contains(keep) ? keep : ALL_ORGANISATIONS);
        }
        if (before != null) {
            selected.set(endpoints.stream()
                    .filter(e -> e.id().equals(before.id()))
                    .findFirst()
                    .orElse(null));
        }
    }

    private void refilter() {
        String words = search.get().strip().toLowerCase(Locale.ROOT);
        String org = organisation.get();
        Presence p = presence.get();
        shown.setPredicate(e -> (words.isEmpty()
                        || (e.name() + " " + e.os() + " " + e.organisationName() + " " + e.id())
                                .toLowerCase(Locale.ROOT)
                                .contains(words))
                && (org == null || org.equals(ALL_ORGANISATIONS) || org.equals(e.organisationName()))
                && (p == Presence.ALL || (p == Presence.ONLINE) == e.online()));
    }

    /** Opens a session on the selected endpoint with the ticket and reported-at typed in. */
    public void openSession() {
        EndpointInfo endpoint = selected.get();
        if (endpoint == null) {
            say("Choose an endpoint first.");
            return;
        }
        if (!endpoint.online()) {
            say(endpoint.name() + " is offline; a session needs its agent connected. Wait until it is online.");
            return;
        }
        Instant reported;
        try {
            reported = ReportedAt.parse(reportedAt.get(), zone);
        } catch (IllegalArgumentException e) {
            say(e.getMessage());
            return;
        }
        String ref = ticket.get().isBlank() ? null : ticket.get().strip();
        busy.set(true);
        say("Opening a session on " + endpoint.name() + "…");
        background.await(
                opener.open(endpoint.id(), ref, reported),
                session -> {
                    busy.set(false);
                    say("");
                    ticket.set("");
                    reportedAt.set("");
                    opened.accept(new Opened(session, endpoint));
                },
                failure -> {
                    busy.set(false);
                    say(Problems.words(failure));
                });
    }

    private void say(String text) {
        message.set(text);
    }

    /** Every endpoint, filters or not (to tell "none at all" from "none match"). */
    public ObservableList<EndpointInfo> all() {
        return FXCollections.unmodifiableObservableList(all);
    }

    public FilteredList<EndpointInfo> shown() {
        return shown;
    }

    public ObservableList<String> organisations() {
        return organisations;
    }

    public StringProperty search() {
        return search;
    }

    public StringProperty organisation() {
        return organisation;
    }

    public ObjectProperty<Presence> presence() {
        return presence;
    }

    public ObjectProperty<EndpointInfo> selected() {
        return selected;
    }

    public StringProperty ticket() {
        return ticket;
    }

    public StringProperty reportedAt() {
        return reportedAt;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    /** The zone times are shown in. */
    public ZoneId zone() {
        return zone;
    }
}
