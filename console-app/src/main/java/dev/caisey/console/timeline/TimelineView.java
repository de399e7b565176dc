package dev.caisey.console.timeline;

import dev.caisey.console.timeline.TimelineRow.EventRow;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One session's timeline on screen: the headline strip, the toolbar, a progress bar while pages are read, and the
 * event list, virtualized with cells of one fixed height, either as a plain list or as swimlanes with a lane header
 * (technician, client, agent, server). Enter or a double click on a command's row shows or hides its output; Ctrl+E
 * (or the button) runs the PDF export it is given. It builds nodes, binds and forwards; the rules are the {@link
 * TimelineViewModel}'s, which the caller starts with {@link TimelineViewModel#load()}.
 */
public final class TimelineView {
    /** The export shortcut, Ctrl+E (Cmd+E on a Mac). */
    public static final KeyCombination EXPORT_PDF = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);

    /** The height of every row, in pixels: two lines of text. */
    static final double ROW_HEIGHT_PX = 46;

    private static final String CSS = "timeline.css";

    private final TimelineViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<TimelineRow> list = new ListView<>();
    private final BooleanProperty lanes = new SimpleBooleanProperty(false);

    /** The timeline of {@code model}; {@code exportPdf} runs on the UI thread when the user asks for the PDF. */
    public TimelineView(TimelineViewModel model, Runnable exportPdf) {
        this.model = model;
        root.setId("timeline");
        root.getStylesheets().add(TimelineView.class.getResource(CSS).toExternalForm());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (EXPORT_PDF.match(e)) {
                e.consume();
                exportPdf.run();
            }
        });

        ProgressBar progress = new ProgressBar();
        progress.setId("timelineProgress");
        progress.progressProperty().bind(model.progress());
        progress.visibleProperty().bind(model.loading());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label message = new Label();
        message.setId("timelineMessage");
        message.setWrapText(true);
        message.getStyleClass().add("problem");
        message.textProperty().bind(model.message());
        message.visibleProperty().bind(model.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setPadding(new Insets(4, 12, 4, 12));
        VBox top = new VBox(
                new HeadlineStrip(model.headline()).node(),
                new TimelineToolbar(model, lanes, exportPdf).node(),
                progress,
                message);

        list.setId("timelineList");
        list.getStyleClass().add("timeline-list");
        list.setItems(model.rows());
        list.setFixedCellSize(ROW_HEIGHT_PX);
        list.setCellFactory(v -> new TimelineCell(lanes, model::toggleOutput, model::isExpanded));
        Label empty = new Label();
        empty.textProperty()
                .bind(Bindings.when(model.loading())
                        .then("Reading the session…")
                        .otherwise("No event matches the filters."));
        list.setPlaceholder(empty);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                toggleSelected();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                toggleSelected();
            }
        });
        HBox header = TimelineLanes.header();
        header.visibleProperty().bind(lanes);
        header.managedProperty().bind(lanes);
        lanes.addListener((o, was, is) -> list.refresh());
        model.focus().addListener((o, was, is) -> focus(is.intValue()));
        // a command's row stays the same item when its output unfolds; its link must still change its words
        model.expandedCommands().addListener((SetChangeListener<Long>) c -> list.refresh());

        root.setTop(top);
        root.setCenter(new VBox(header, list));
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
    }

    private void toggleSelected() {
        if (list.getSelectionModel().getSelectedItem() instanceof EventRow row && row.path() != null) {
            model.toggleOutput(row);
        }
    }

    private void focus(int index) {
        if (index < 0 || index >= list.getItems().size()) {
            return;
        }
        list.getSelectionModel().clearAndSelect(index);
        list.scrollTo(Math.max(0, index - 2));
        list.requestFocus();
    }

    /** Scrolls to and selects event {@code seq} (or the first shown one after it), once it has been read. */
    public void select(long seq) {
        model.select(seq);
    }

    /** Whether the list shows swimlanes; the "Lanes" toggle switches it. */
    public BooleanProperty lanes() {
        return lanes;
    }

    /** The view's root node. */
    public Node node() {
        return root;
    }
}
