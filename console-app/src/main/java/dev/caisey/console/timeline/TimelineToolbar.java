package dev.caisey.console.timeline;

import atlantafx.base.theme.Styles;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The timeline's toolbar: the event-type filter (a check list), one toggle per actor, "Jump to" a time, the "Lanes"
 * switch between the plain list and the swimlanes, and "Export PDF…". It only binds and forwards to the view model and
 * the export action it is given.
 */
final class TimelineToolbar {
    private final HBox root = new HBox(8);
    private final CheckComboBox<EventType> types =
            new CheckComboBox<>(FXCollections.observableArrayList(TimelineViewModel.filterableTypes()));
    private final TextField jump = new TextField();

    /** A toolbar for {@code model}, switching {@code lanes} and running {@code exportPdf}. */
    TimelineToolbar(TimelineViewModel model, BooleanProperty lanes, Runnable exportPdf) {
        root.getStyleClass().add("timeline-toolbar");
        root.setAlignment(Pos.CENTER_LEFT);

        types.setId("typeFilter");
        types.setTitle("Event types");
        types.setShowCheckedCount(true);
        types.setConverter(new StringConverter<>() {
            @Override
            public String toString(EventType type) {
                return type == null ? "" : words(type);
            }

            @Override
            public EventType fromString(String text) {
                throw new UnsupportedOperationException("event types are picked, not typed");
            }
        });
        types.getCheckModel().checkAll();
        types.getCheckModel().getCheckedItems().addListener((ListChangeListener<EventType>) change ->
                model.showOnlyTypes(new ArrayList<>(types.getCheckModel().getCheckedItems())));

        HBox actors = new HBox();
        actors.getStyleClass().add("segmented");
        for (Role role : TimelineLanes.ORDER) {
            ToggleButton toggle = new ToggleButton(TimelineCell.words(role));
            toggle.setId("actor-" + role.wireName());
            toggle.setSelected(model.shownActors().contains(role));
            toggle.setTooltip(new Tooltip("Show or hide what the " + role.wireName() + " did"));
            toggle.selectedProperty().addListener((o, was, is) -> {
                if (is) {
                    model.shownActors().add(role);
                } else {
                    model.shownActors().remove(role);
                }
            });
            actors.getChildren().add(toggle);
        }
        List<Node> buttons = actors.getChildren();
        buttons.getFirst().getStyleClass().add(Styles.LEFT_PILL);
        buttons.subList(1, buttons.size() - 1).forEach(n -> n.getStyleClass().add(Styles.CENTER_PILL));
        buttons.getLast().getStyleClass().add(Styles.RIGHT_PILL);

        jump.setId("jumpTo");
        jump.setPromptText("10:15 or 2026-11-17 10:15");
        jump.setPrefColumnCount(15);
        jump.setTooltip(new Tooltip("A time in the client's zone; Enter selects the first event at or after it"));
        jump.setOnAction(e -> model.jumpTo(jump.getText()));
        Label jumpLabel = new Label("Jump to");
        jumpLabel.setLabelFor(jump);

        ToggleButton lanesToggle = new ToggleButton("Lanes");
        lanesToggle.setId("lanes");
        lanesToggle.setTooltip(new Tooltip("Show technician, client, agent and server side by side"));
        lanesToggle.selectedProperty().bindBidirectional(lanes);

        Button export = new Button("Export PDF…");
        export.setId("exportPdf");
        export.getStyleClass().add(Styles.ACCENT);
        export.setTooltip(new Tooltip("Export this session as a PDF (Ctrl+E)"));
        export.setOnAction(e -> exportPdf.run());

        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        root.getChildren()
                .addAll(
                        types,
                        actors,
                        new Separator(javafx.geometry.Orientation.VERTICAL),
                        jumpLabel,
                        jump,
                        lanesToggle,
                        spring,
                        export);
    }

    /** "Approval requested" for {@code approval.requested}. */
    static String words(EventType type) {
        String name = type.wireName().replace('.', ' ').replace('_', ' ');
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The toolbar's node. */
    Node node() {
        return root;
    }
}
