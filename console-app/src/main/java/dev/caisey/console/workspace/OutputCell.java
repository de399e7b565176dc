package dev.caisey.console.workspace;

import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;

/** One line of output in the virtualized output list, in a monospace font; standard error lines in the danger colour. */
final class OutputCell extends ListCell<OutputLine> {
    private static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");

    OutputCell() {
        getStyleClass().add("output-line");
    }

    @Override
    protected void updateItem(OutputLine line, boolean empty) {
        super.updateItem(line, empty);
        setText(empty || line == null ? null : line.text());
        pseudoClassStateChanged(STDERR, !empty && line != null && line.error());
    }
}
