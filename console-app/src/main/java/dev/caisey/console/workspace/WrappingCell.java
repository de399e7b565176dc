package dev.caisey.console.workspace;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A list cell whose text wraps at the list's width and grows as tall as it needs (chat messages, activity lines): an
 * optional heading line and a body, each a label bound to the list's width, so no message is ever cut short.
 *
 * @param <T> the item type
 */
abstract class WrappingCell<T> extends ListCell<T> {
    /** Horizontal room the cell's padding, border and the scroll bar take, in pixels. */
    private static final double GUTTER = 36;

    final Label head = new Label();
    final Label body = new Label();
    private final VBox box = new VBox(2, head, body);

    WrappingCell() {
        head.getStyleClass().add("cell-head");
        for (Label l : new Label[] {head, body}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        listViewProperty().addListener((o, was, is) -> {
            if (is != null) {
                head.maxWidthProperty().bind(is.widthProperty().subtract(GUTTER));
                body.maxWidthProperty().bind(is.widthProperty().subtract(GUTTER));
            }
        });
    }

    /** Fills {@link #head} and {@link #body} for {@code item}. */
    protected abstract void show(T item);

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        head.setText("");
        show(item);
        head.setVisible(!head.getText().isEmpty());
        head.setManaged(head.isVisible());
        setGraphic(box);
    }
}
