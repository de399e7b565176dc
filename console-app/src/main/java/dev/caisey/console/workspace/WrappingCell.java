package dev.caisey.console.workspace;

import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * A list cell whose text wraps at the list's width and is exactly as tall as its lines (chat messages, activity
 * lines): an optional heading and a body, each a {@link Text} whose wrapping width follows the list, so no message is
 * cut short and no cell keeps the height of another.
 *
 * @param <T> the item type
 */
abstract class WrappingCell<T> extends ListCell<T> {
    /** Horizontal room the cell's padding, border and the scroll bar take, in pixels. */
    private static final double GUTTER = 36;

    final Text head = new Text();
    final Text body = new Text();
    private final VBox box = new VBox(2, head, body);

    WrappingCell() {
        getStyleClass().add("wrapping-cell");
        head.getStyleClass().add("cell-head");
        body.getStyleClass().add("cell-body");
        listViewProperty().addListener((o, was, is) -> {
            if (is != null) {
                head.wrappingWidthProperty().bind(is.widthProperty().subtract(GUTTER));
                body.wrappingWidthProperty().bind(is.widthProperty().subtract(GUTTER));
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
