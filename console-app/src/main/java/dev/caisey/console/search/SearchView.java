package dev.caisey.console.search;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.caisey.console.fx.Tables;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * The search screen: the words, a row of filters (organisation, endpoint, technician, from and to day, outcome), and
 * the hits with their time, session, endpoint, type and snippet, matched words in bold. Enter or Search asks, a
 * double-click or Enter on a hit opens its session at that event. Builds nodes, binds, forwards.
 */
public final class SearchView {
    private final BorderPane root = new BorderPane();
    private final CustomTextField text = new CustomTextField();
    private final TableView<SearchHit> table = new TableView<>();

    /** The screen for {@code model}. */
    public SearchView(SearchViewModel model) {
        SearchFilters filters = model.filters();
        text.setId("searchText");
        text.setPromptText(
                "Words to find in commands, output, chat, notes and resolutions: spooler, \"print spooler\"");
        Label find = new Label("Search");
        find.setPadding(new Insets(0, 6, 0, 8));
        find.getStyleClass().add(Styles.TEXT_MUTED);
        text.setLeft(find);
        text.textProperty().bindBidirectional(model.text());
        text.setOnAction(e -> model.search());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button search = new Button("Search");
        search.setId("searchButton");
        search.getStyleClass().add(Styles.ACCENT);
        search.setOnAction(e -> model.search());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("searchProgress");
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.busy());
        HBox bar = new HBox(10, text, search, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        DatePicker from = new DatePicker();
        from.setId("searchFrom");
        from.setPromptText("From day");
        from.valueProperty().bindBidirectional(filters.fromDay());
        DatePicker to = new DatePicker();
        to.setId("searchTo");
        to.setPromptText("To day");
        to.valueProperty().bindBidirectional(filters.toDay());
        Button clear = new Button("Clear filters");
        clear.setId("searchClearFilters");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> filters.clear());
        FlowPane filterRow = new FlowPane(
                8,
                8,
                combo("searchOrganisation", filters.organisations(), filters.organisation()),
                combo("searchEndpoint", filters.endpoints(), filters.endpoint()),
                combo("searchTechnician", filters.technicians(), filters.technician()),
                from,
                to,
                combo("searchOutcome", filters.outcomes(), filters.outcome()),
                clear);
        VBox top = new VBox(8, bar, filterRow);
        top.setPadding(new Insets(12));

        table.setId("searchResults");
        table.setItems(model.hits());
        table.setFixedCellSize(SnippetCell.ROW_HEIGHT_PX);
        Label empty = new Label("Type words to find, or choose a filter, and press Enter.");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.column("Time", 150, model::when));
        table.getColumns().add(Tables.column("Session", 110, SearchHit::session));
        table.getColumns().add(Tables.column("Endpoint", 120, SearchHit::endpoint));
        table.getColumns().add(Tables.column("Type", 140, SearchHit::type));
        table.getColumns().add(SnippetCell.column("What matched", 480));
        Tables.pickRows(table, model.selected(), model::open);

        Label summary = new Label();
        summary.setId("searchSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.summary());
        Label message = new Label();
        message.setId("searchMessage");
        message.setWrapText(true);
        message.getStyleClass().add("problem");
        message.textProperty().bind(model.message());
        message.visibleProperty().bind(model.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox bottom = new VBox(4, message, summary);
        bottom.setPadding(new Insets(6, 12, 6, 12));

        root.setTop(top);
        root.setCenter(table);
        root.setBottom(bottom);
    }

    private static ComboBox<FilterChoice> combo(
            String id, ObservableList<FilterChoice> items, ObjectProperty<FilterChoice> chosen) {
        ComboBox<FilterChoice> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(chosen);
        box.setPrefWidth(190);
        return box;
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }

    /** Puts the cursor in the search field. */
    public void focusText() {
        text.requestFocus();
    }
}
