package dev.caisey.console.sla;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.caisey.console.fx.Tables;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/**
 * The two tables of the SLA screen: one line per period (with the total as its last line) and one line per session.
 * Figures read like the command line's ("0:14:20"), times are local to the organisation ("17 Nov 10:02:10").
 * Separate from {@link SlaView} because the columns are many and the screen's layout should stay readable.
 */
final class SlaTables {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.UK);

    private SlaTables() {}

    /** The periods' table; {@code items} holds the periods followed by the total. */
    static TableView<SlaGroup> periods(ObservableList<SlaGroup> items, Label placeholder) {
        TableView<SlaGroup> t = table(items, placeholder);
        t.setId("slaPeriods");
        t.getColumns().add(Tables.column("Period", 130, SlaGroup::label));
        t.getColumns()
                .add(Tables.column(
                        "Sessions", 90, g -> Integer.toString(g.figures().sessions())));
        t.getColumns()
                .add(Tables.column("Met", 60, g -> Integer.toString(g.figures().withinTarget())));
        t.getColumns()
                .add(Tables.column(
                        "Missed", 75, g -> Integer.toString(g.figures().missedTarget())));
        t.getColumns()
                .add(Tables.column(
                        "No fix", 70, g -> Integer.toString(g.figures().noVerifiedFix())));
        t.getColumns()
                .add(Tables.column("Open", 60, g -> Integer.toString(g.figures().stillOpen())));
        t.getColumns().add(Tables.column("Fix median", 110, g -> stat(g, Measure.REPORT_TO_FIX, Stats::median)));
        t.getColumns().add(Tables.column("Fix p90", 80, g -> stat(g, Measure.REPORT_TO_FIX, Stats::p90)));
        t.getColumns().add(Tables.column("Fix mean", 100, g -> stat(g, Measure.REPORT_TO_FIX, Stats::mean)));
        t.getColumns()
                .add(Tables.column("Connect median", 150, g -> stat(g, Measure.REPORT_TO_CONNECTION, Stats::median)));
        t.getColumns()
                .add(Tables.column(
                        "First action median", 175, g -> stat(g, Measure.REPORT_TO_FIRST_ACTION, Stats::median)));
        t.getColumns().add(Tables.column("Length median", 145, g -> stat(g, Measure.SESSION_LENGTH, Stats::median)));
        return t;
    }

    /** The sessions' table. */
    static TableView<SlaRow> sessions(ObservableList<SlaRow> items, Label placeholder) {
        TableView<SlaRow> t = table(items, placeholder);
        t.setId("slaSessions");
        t.getColumns().add(Tables.stateColumn("Result", 80, SlaRow::resultWord, "met"::equals));
        t.getColumns().add(Tables.column("Endpoint", 120, SlaRow::endpoint));
        t.getColumns().add(Tables.column("Technician", 120, SlaRow::technician));
        t.getColumns()
                .add(Tables.column("Reported", 140, r -> local(r.milestones().reportedAt(), r.zone())));
        t.getColumns()
                .add(Tables.column("Connected", 140, r -> local(r.milestones().connectedAt(), r.zone())));
        t.getColumns()
                .add(Tables.column(
                        "First action", 140, r -> local(r.milestones().firstActionAt(), r.zone())));
        t.getColumns()
                .add(Tables.column("Verified", 140, r -> local(r.milestones().verifiedAt(), r.zone())));
        t.getColumns()
                .add(Tables.column("Closed", 140, r -> local(r.milestones().closedAt(), r.zone())));
        for (Measure m : Measure.values()) {
            t.getColumns().add(Tables.column(m.label(), 185, r -> SlaText.duration(r.measure(m))));
        }
        t.getColumns().add(Tables.column("Session", 160, SlaRow::session));
        return t;
    }

    private static <T> TableView<T> table(ObservableList<T> items, Label placeholder) {
        TableView<T> t = new TableView<>(items);
        t.setPlaceholder(placeholder);
        t.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        return t;
    }

    private static String stat(SlaGroup g, Measure m, Function<Stats, Duration> figure) {
        return SlaText.duration(figure.apply(g.figures().stats(m)));
    }

    private static String local(Long micros, ZoneId zone) {
        return micros == null ? "" : LOCAL.format(SlaRow.instant(micros).atZone(zone));
    }
}
