package dev.caisey.console.timeline;

import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.console.timeline.TimelineRow.GapRow;
import dev.caisey.console.timeline.TimelineRow.Mark;
import dev.caisey.console.timeline.TimelineRow.OutputRow;
import dev.caisey.record.event.Role;
import dev.caisey.report.phrasebook.TimelineEntry;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One row of the timeline list, of fixed height so the list stays virtualized at any length: the local time (UTC in
 * its tooltip), then the event's box, which in lanes mode sits in its actor's column ({@link TimelineLanes}), so the
 * swimlane view is the same virtualized list. Gap rows and output lines span the lanes. The nodes are made once per
 * cell and only their texts and pseudo-classes change as the cell is reused.
 */
final class TimelineCell extends ListCell<TimelineRow> {
    private static final PseudoClass LANES = PseudoClass.getPseudoClass("lanes");
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");

    private final ObservableBooleanValue lanes;
    private final Consumer<EventRow> toggle;
    private final LongPredicate expanded;
    private final Label time = new Label();
    private final Tooltip utc = new Tooltip();
    private final Label role = new Label();
    private final Label text = new Label();
    private final Label second = new Label();
    private final Hyperlink output = new Hyperlink();
    private final Tooltip whole = new Tooltip();
    private final VBox box;
    private final Label gap = new Label();
    private final Label line = new Label();
    private final GridPane grid = TimelineLanes.grid();
    private EventRow shown;

    /** A cell that places boxes in lanes while {@code lanes} holds, and unfolds output through {@code toggle}. */
    TimelineCell(ObservableBooleanValue lanes, Consumer<EventRow> toggle, LongPredicate expanded) {
        this.lanes = lanes;
        this.toggle = toggle;
        this.expanded = expanded;
        getStyleClass().add("timeline-cell");
        time.getStyleClass().add("timeline-time");
        time.setMinWidth(TimelineLanes.TIME_COLUMN_PX);
        time.setPrefWidth(TimelineLanes.TIME_COLUMN_PX);
        time.setTooltip(utc);
        role.getStyleClass().add("timeline-actor");
        role.setMinWidth(90);
        text.getStyleClass().add("timeline-text");
        second.getStyleClass().add("timeline-second");
        output.setOnAction(e -> {
            if (shown != null) {
                toggle.accept(shown);
            }
        });
        output.setPadding(javafx.geometry.Insets.EMPTY);
        HBox first = new HBox(6, role, text);
        first.setMinWidth(0);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox under = new HBox(8, second, output);
        under.setMinWidth(0);
        output.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        under.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(0, first, under);
        box.getStyleClass().add("timeline-box");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(0);
        Tooltip.install(box, whole);
        gap.getStyleClass().add("timeline-gap");
        gap.setMaxWidth(Double.MAX_VALUE);
        gap.setAlignment(Pos.CENTER);
        line.getStyleClass().add("timeline-output");
        line.setMaxWidth(Double.MAX_VALUE);
        line.setMaxHeight(Double.MAX_VALUE); // one block of output, not stripes
        grid.getChildren().addAll(box, gap, line);
        for (javafx.scene.Node n : grid.getChildren()) {
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox.setHgrow(grid, Priority.ALWAYS);
        for (Label l : new Label[] {text, second, gap, line}) {
            l.setMinWidth(0);
        }
        HBox graphic = new HBox(TimelineLanes.SPACING_PX, time, grid);
        graphic.setMinWidth(0);
        setGraphic(graphic);
        // the cell takes the list's width, never its text's, so the list needs no horizontal scroll bar and the
        // lanes keep equal columns
        setPrefWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(TimelineRow row, boolean empty) {
        super.updateItem(row, empty);
        shown = null;
        if (empty || row == null) {
            getGraphic().setVisible(false);
            return;
        }
        getGraphic().setVisible(true);
        box.setVisible(row instanceof EventRow);
        gap.setVisible(row instanceof GapRow);
        line.setVisible(row instanceof OutputRow);
        switch (row) {
            case EventRow e -> showEvent(e);
            case GapRow g -> {
                time.setText("");
                utc.setText("No events shown for " + g.text().replace(" without activity", ""));
                gap.setText(g.text());
                GridPane.setConstraints(gap, 0, 0, TimelineLanes.COUNT, 1);
            }
            case OutputRow o -> {
                time.setText("");
                utc.setText("Output of the command above");
                line.setText(o.text());
                line.pseudoClassStateChanged(STDERR, o.stderr());
                line.pseudoClassStateChanged(NOTE, o.note());
                GridPane.setConstraints(line, 0, 0, TimelineLanes.COUNT, 1);
            }
        }
    }

    private void showEvent(EventRow e) {
        shown = e;
        TimelineEntry entry = e.entry();
        boolean inLanes = lanes.get();
        time.setText(entry.time());
        utc.setText(e.utcTime());
        role.setText(words(e.lane()));
        role.setVisible(!inLanes);
        role.setManaged(!inLanes);
        text.setText(entry.text());
        text.pseudoClassStateChanged(PROBLEM, entry.kind() == TimelineEntry.Kind.PROBLEM);
        String under = e.path() != null ? e.path().text() : entry.detail() == null ? "" : entry.detail();
        second.setText(under);
        boolean ran = e.path() != null && e.path().stages().contains(ApprovalPath.Stage.STARTED);
        output.setVisible(ran);
        output.setManaged(ran);
        output.setText(expanded.test(e.seq()) ? "Hide output" : "Show output");
        whole.setText(entry.actor() + " (" + words(e.lane()) + "), " + entry.time() + " — " + entry.text()
                + (under.isEmpty() ? "" : "\n" + under));
        box.pseudoClassStateChanged(LANES, inLanes);
        box.pseudoClassStateChanged(PASSED, e.mark() == Mark.PASSED);
        box.pseudoClassStateChanged(FAILED, e.mark() == Mark.FAILED);
        for (Role r : Role.values()) {
            box.pseudoClassStateChanged(TimelineLanes.pseudoClass(r), r == e.lane());
        }
        if (inLanes) {
            GridPane.setConstraints(box, TimelineLanes.column(e.lane()), 0, 1, 1);
        } else {
            GridPane.setConstraints(box, 0, 0, TimelineLanes.COUNT, 1);
        }
    }

    /** "Technician". */
    static String words(Role role) {
        String name = role.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
