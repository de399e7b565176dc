package dev.caisey.console.timeline;

import dev.caisey.record.event.Role;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

/**
 * The swimlanes' geometry, shared by the lane header and every cell so the columns line up: the time column, then one
 * column of equal width per actor in the order technician, client, agent, server. It exists so the swimlane view can
 * be the same virtualized list as the plain one, each cell laying out one row of the four lanes.
 */
final class TimelineLanes {
    /** The lanes in their order on screen. */
    static final List<Role> ORDER = List.of(Role.TECHNICIAN, Role.CLIENT, Role.AGENT, Role.SERVER);

    /** How many lanes there are. */
    static final int COUNT = ORDER.size();

    /** The width of the time column, in pixels. */
    static final double TIME_COLUMN_PX = 72;

    /** The gap between the time column and the lanes, in pixels (the cells' {@code HBox} spacing). */
    static final double SPACING_PX = 8;

    private static final double PERCENT = 100.0;

    private TimelineLanes() {}

    /** The column of a lane, from 0. */
    static int column(Role role) {
        return ORDER.indexOf(role);
    }

    /** The pseudo-class of a lane, {@code :technician}. */
    static PseudoClass pseudoClass(Role role) {
        return PseudoClass.getPseudoClass(role.name().toLowerCase(Locale.ROOT));
    }

    /** An empty grid of the four lanes, each taking an equal share of the width. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        for (int i = 0; i < COUNT; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(PERCENT / COUNT);
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            grid.getColumnConstraints().add(c);
        }
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        grid.getRowConstraints().add(row);
        grid.setMinWidth(0);
        return grid;
    }

    /** The header above the list in lanes mode: "Technician", "Client", "Agent", "Server" over their columns. */
    static HBox header() {
        Region time = new Region();
        time.setMinWidth(TIME_COLUMN_PX);
        time.setPrefWidth(TIME_COLUMN_PX);
        GridPane grid = grid();
        for (Role role : ORDER) {
            Label title = new Label(TimelineCell.words(role));
            title.setId("lane-" + role.wireName());
            title.getStyleClass().add("timeline-lane-title");
            grid.add(title, column(role), 0);
        }
        HBox.setHgrow(grid, Priority.ALWAYS);
        HBox header = new HBox(SPACING_PX, time, grid);
        header.getStyleClass().add("timeline-lane-header");
        // the list's cells have the list's padding and its scroll bar beside them
        header.setPadding(new Insets(4, 24, 4, 10));
        return header;
    }
}
