package dev.caisey.console.records;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.fx.Times;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.MirroredSession;
import dev.caisey.console.mirror.Refusal;
import dev.caisey.console.mirror.SyncProgress;
import dev.caisey.record.event.Micros;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Records screen's state: every session in the local mirror (newest first) with a search over endpoint,
 * organisation, technician, ticket and outcome; where the background sync stands; and, in plain words, anything the
 * mirror refused. Works the same with the server reachable or not. Properties change only on the UI thread.
 */
public final class RecordsViewModel {
    private final Mirror mirror;
    private final Background background;
    private final Consumer<MirroredSession> open;
    private final ZoneId zone;
    private final ObservableList<MirroredSession> all = FXCollections.observableArrayList();
    private final FilteredList<MirroredSession> shown = new FilteredList<>(all, s -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<MirroredSession> selected = new SimpleObjectProperty<>();
    private final StringProperty syncStatus = new SimpleStringProperty("");
    private final DoubleProperty syncProgress = new SimpleDoubleProperty(1);
    private final BooleanProperty syncing = new SimpleBooleanProperty(false);
    private final StringProperty refusals = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private Set<String> refused = Set.of();

    /** The screen over {@code mirror}; {@code open} shows a session's timeline; times fall back to {@code zone}. */
    public RecordsViewModel(Mirror mirror, Background background, Consumer<MirroredSession> open, ZoneId zone) {
        this.mirror = mirror;
        this.background = background;
        this.open = open;
        this.zone = zone;
        search.addListener((o, was, is) -> {
            String needle = is == null ? "" : is.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(s -> needle.isEmpty() || haystack(s).contains(needle));
        });
    }

    /** Reads the mirror again (off the UI thread). */
    public void refresh() {
        background.run(
                () -> new Snapshot(mirror.sessions(), mirror.refusals()),
                snapshot -> {
                    MirroredSession was = selected.get();
                    all.setAll(snapshot.sessions());
                    if (was != null) {
                        all.stream()
                                .filter(s -> s.id().equals(was.id()))
                                .findFirst()
                                .ifPresent(selected::set);
                    }
                    refused = snapshot.refusals().stream().map(Refusal::session).collect(Collectors.toSet());
                    refusals.set(snapshot.refusals().stream()
                            .map(Refusal::sentence)
                            .distinct()
                            .collect(Collectors.joining("\n")));
                    message.set("");
                },
                failure -> message.set(Problems.words(failure)));
    }

    /** Shows where a sync stands (call on the UI thread); a round that brought something reads the mirror again. */
    public void show(SyncProgress p) {
        syncStatus.set(p.describe());
        syncProgress.set(p.finished() ? 1 : p.fraction());
        syncing.set(!p.finished());
        if (p.finished() && (p.eventsDone() > 0 || !p.refusals().isEmpty())) {
            refresh();
        }
    }

    /** Says the console works from the mirror alone, as of its last completed sync. */
    public void offline() {
        syncing.set(false);
        syncProgress.set(1);
        background.run(
                mirror::lastSynced,
                at -> syncStatus.set("Offline: the local copy "
                        + at.map(t -> "as of the last sync, " + Times.dayTime(t, zone))
                                .orElse("(never synced completely)")
                        + ". Sign in again to bring it up to date."),
                failure -> syncStatus.set(Problems.words(failure)));
    }

    /** Opens the selected session's timeline. */
    public void open() {
        if (selected.get() != null) {
            open.accept(selected.get());
        }
    }

    /** "2026-11-03 10:15 EST" in the session's organisation's zone, named. */
    public String connected(MirroredSession s) {
        java.time.Instant at = Micros.toInstant(s.milestones().connectedAt());
        ZoneId z = zoneOf(s);
        return Times.dayTime(at, z) + " "
                + java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH)
                        .format(at.atZone(z));
    }

    /** "resolved", "open", … */
    public static String state(MirroredSession s) {
        return s.milestones().outcome() != null ? s.milestones().outcome().wireName() : "open";
    }

    /**
     * Whether the record is whole and signed: "signed"; for an open session "signed to event 40 of 52" or "not
     * signed yet" (the server signs every 100 events and at the close); "part refused".
     */
    public String integrity(MirroredSession s) {
        if (refused.contains(s.id())) {
            return "part refused";
        }
        if (s.fullySigned()) {
            return "signed";
        }
        return s.signedSeq() == 0 ? "not signed yet" : "signed to event " + s.signedSeq() + " of " + s.lastSeq();
    }

    private ZoneId zoneOf(MirroredSession s) {
        try {
            return ZoneId.of(s.milestones().organisation().timeZone());
        } catch (RuntimeException e) {
            return zone;
        }
    }

    private static String haystack(MirroredSession s) {
        return String.join(
                        " ",
                        s.id(),
                        s.endpointName(),
                        s.organisationName(),
                        s.technician(),
                        s.ticket() == null ? "" : s.ticket(),
                        state(s))
                .toLowerCase(Locale.ROOT);
    }

    public ObservableList<MirroredSession> all() {
        return all;
    }

    public FilteredList<MirroredSession> shown() {
        return shown;
    }

    public StringProperty search() {
        return search;
    }

    public ObjectProperty<MirroredSession> selected() {
        return selected;
    }

    public ReadOnlyStringProperty syncStatus() {
        return syncStatus;
    }

    public ReadOnlyDoubleProperty syncProgress() {
        return syncProgress;
    }

    public ReadOnlyBooleanProperty syncing() {
        return syncing;
    }

    /** Every refusal as sentences, one a line; empty when nothing was refused. */
    public ReadOnlyStringProperty refusals() {
        return refusals;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    private record Snapshot(List<MirroredSession> sessions, List<Refusal> refusals) {}
}
