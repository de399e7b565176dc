package dev.caisey.console.sla;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The SLA screen's state: which organisation, which days and which grouping, and the {@link SlaReport} for them with
 * its periods and sessions; exporting it as CSV. It exists so a manager can answer "did we keep our promise to this
 * client last month?" offline, from whatever the supplier given to it returns (the local mirror). Every change of a
 * choice computes the figures again off the UI thread through {@link Background}; a result that arrives after a newer
 * request is dropped. Properties change only on the UI thread.
 */
public final class SlaViewModel {
    /** Days shown when the screen opens, today included. */
    static final int DEFAULT_DAYS = 30;

    private record Computed(List<OrganisationChoice> choices, SlaReport report) {}

    private final Background background;
    private final Supplier<List<SessionTimes>> sessions;
    private final ObservableList<OrganisationChoice> organisations = FXCollections.observableArrayList();
    private final ObjectProperty<OrganisationChoice> organisation = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.WEEK);
    private final ObjectProperty<SlaReport> report = new SimpleObjectProperty<>();
    private final ObservableList<SlaGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<SlaRow> rows = FXCollections.observableArrayList();
    // One read-only view of each list, kept: a view made per call would be collected with the listeners on it.
    private final ObservableList<OrganisationChoice> organisationsView =
            FXCollections.unmodifiableObservableList(organisations);
    private final ObservableList<SlaGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObservableList<SlaRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private long generation;
    private boolean applying;

    /** A screen over what {@code sessions} returns (called off the UI thread), showing the 30 days up to {@code today}. */
    public SlaViewModel(Background background, Supplier<List<SessionTimes>> sessions, LocalDate today) {
        this.background = background;
        this.sessions = sessions;
        this.from.set(today.minusDays(DEFAULT_DAYS - 1));
        this.to.set(today);
        for (ObjectProperty<?> choice : List.of(organisation, from, to, grouping)) {
            choice.addListener((o, was, is) -> {
                if (!applying) {
                    refresh();
                }
            });
        }
    }

    /** Reads the sessions again and computes the figures for the current choices. */
    public void refresh() {
        long request = ++generation;
        String chosen = organisation.get() == null ? null : organisation.get().id();
        LocalDate first = from.get();
        LocalDate last = to.get();
        Grouping by = grouping.get();
        busy.set(true);
        notice.set("");
        background.run(
                () -> compute(chosen, first, last, by),
                computed -> {
                    if (request == generation) {
                        busy.set(false);
                        problem.set("");
                        show(computed);
                    }
                },
                failure -> {
                    if (request == generation) {
                        busy.set(false);
                        problem.set("The SLA figures could not be worked out: " + Problems.words(failure));
                    }
                });
    }

    private Computed compute(String chosen, LocalDate first, LocalDate last, Grouping by) {
        List<SessionTimes> all = sessions.get();
        List<OrganisationChoice> choices = OrganisationChoice.of(all);
        String id = chosen != null
                ? chosen
                : choices.isEmpty() ? null : choices.getFirst().id();
        return new Computed(choices, id == null ? null : SlaReport.of(id, first, last, by, all));
    }

    private void show(Computed computed) {
        applying = true;
        try {
            organisations.setAll(computed.choices());
            SlaReport r = computed.report();
            organisation.set(r == null ? null : OrganisationChoice.find(computed.choices(), r));
        } finally {
            applying = false;
        }
        SlaReport r = computed.report();
        report.set(r);
        groups.setAll(r == null ? List.of() : r.groups());
        rows.setAll(r == null ? List.of() : r.rows());
        summary.set(
                r == null
                        ? "No sessions in the mirror yet. SLA figures appear once sessions have been synced."
                        : r.isEmpty() ? SlaText.emptyState(r) : SlaText.heading(r));
    }

    /**
     * Writes the sessions to {@code file} and the periods beside it ("sla.csv" and "sla-periods.csv"), off the UI
     * thread; says in {@link #notice()} what was saved, or in {@link #problem()} what went wrong.
     */
    public void export(Path file) {
        SlaReport r = report.get();
        if (r == null || r.isEmpty()) {
            problem.set("There is nothing to export: " + (r == null ? "no sessions yet." : SlaText.emptyState(r)));
            return;
        }
        busy.set(true);
        problem.set("");
        notice.set("");
        background.run(
                () -> SlaFiles.write(r, file),
                written -> {
                    busy.set(false);
                    notice.set(written);
                },
                failure -> {
                    busy.set(false);
                    problem.set(Problems.words(failure));
                });
    }

    /** A file name to offer: "sla-harbor-accounting-llp-2026-11-01-to-2026-11-30.csv". */
    public String suggestedFileName() {
        SlaReport r = report.get();
        return r == null ? "sla.csv" : SlaFiles.suggestedName(r);
    }

    public ObservableList<OrganisationChoice> organisations() {
        return organisationsView;
    }

    public ObjectProperty<OrganisationChoice> organisation() {
        return organisation;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public ObjectProperty<Grouping> grouping() {
        return grouping;
    }

    public ReadOnlyObjectProperty<SlaReport> report() {
        return report;
    }

    public ObservableList<SlaGroup> groups() {
        return groupsView;
    }

    public ObservableList<SlaRow> rows() {
        return rowsView;
    }

    /** The heading of the figures, or the empty state in words. */
    public ReadOnlyStringProperty summary() {
        return summary;
    }

    public ReadOnlyStringProperty problem() {
        return problem;
    }

    public ReadOnlyStringProperty notice() {
        return notice;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }
}
