package dev.caisey.console.search;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The snippet column of the search results: the piece of text as plain {@link Text} nodes with the matched words in
 * bold. Whatever a client typed or a command printed stays text; there is no markup to interpret, so nothing in a
 * record can change how the console draws it.
 */
final class SnippetCell extends TableCell<SearchHit, Snippet> {
    /** The style class of a matched word, for themes that colour it. */
    static final String MATCH_STYLE = "search-match";

    /** Every row of the results is this high: room for three lines of snippet, and a fast table. */
    static final double ROW_HEIGHT_PX = 64;

    private static final double PADDING_PX = 12;
    private static final double MIN_WIDTH_PX = 200;

    private final TextFlow flow = new TextFlow();

    SnippetCell() {
        flow.getStyleClass().add("search-snippet");
        setText(null);
        setAlignment(Pos.CENTER_LEFT);
    }

    /** A column of snippets, each wrapped to the column's width. */
    static TableColumn<SearchHit, Snippet> column(String title, double width) {
        TableColumn<SearchHit, Snippet> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(
                cell.getValue().snippet()));
        c.setCellFactory(unused -> {
            SnippetCell cell = new SnippetCell();
            cell.flow
                    .prefWidthProperty()
                    .bind(Bindings.max(MIN_WIDTH_PX, c.widthProperty().subtract(PADDING_PX)));
            return cell;
        });
        c.setSortable(false);
        return c;
    }

    @Override
    protected void updateItem(Snippet snippet, boolean empty) {
        super.updateItem(snippet, empty);
        if (empty || snippet == null) {
            flow.getChildren().clear();
            setGraphic(null);
            return;
        }
        flow.getChildren().setAll(nodes(snippet.parts()));
        setGraphic(flow);
    }

    /** One text node per part, the matched ones bold. */
    static List<Text> nodes(List<Snippet.Part> parts) {
        return parts.stream().map(SnippetCell::node).toList();
    }

    private static Text node(Snippet.Part part) {
        Text t = new Text(part.text());
        t.getStyleClass().add("text");
        if (part.match()) {
            t.getStyleClass().add(MATCH_STYLE);
            Font base = Font.getDefault();
            t.setFont(Font.font(base.getFamily(), FontWeight.BOLD, base.getSize()));
        }
        return t;
    }
}
