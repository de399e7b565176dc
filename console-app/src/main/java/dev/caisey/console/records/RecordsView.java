package dev.caisey.console.records;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.caisey.console.fx.Tables;
import dev.caisey.console.mirror.MirroredSession;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * The Records screen: the sessions held in the local copy (with or without the server), a search field, a line on the
 * background sync with its progress bar, and a red panel naming anything the server sent that failed its checks.
 * Double-click or Enter opens a session's timeline. Builds nodes, binds, forwards.
 */
public final class RecordsView {
    private final BorderPane root = new BorderPane();
    private final TableView<MirroredSession> table = new TableView<>();

    /** The screen for {@code model}. */
    public RecordsView(RecordsViewModel model) {
        CustomTextField search = Tables.findField(
                "recordSearch",
                "Find a record by endpoint, organisation, technician, ticket or outcome",
                model.search());
        Label count = Tables.shownCount(model.shown());
        Button open = new Button("Timeline");
        open.setId("openRecord");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.selected().isNull());
        open.setOnAction(e -> model.open());
        HBox bar = new HBox(10, search, count, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));

        Label refusals = new Label();
        refusals.setId("recordRefusals");
        refusals.setWrapText(true);
        refusals.getStyleClass().addAll("problem", "refusals");
        refusals.textProperty().bind(model.refusals());
        refusals.visibleProperty().bind(model.refusals().isNotEmpty());
        refusals.managedProperty().bind(refusals.visibleProperty());
        refusals.setPadding(new Insets(6, 12, 6, 12));

        table.setId("recordTable");
        table.setItems(model.shown());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty()
                .bind(Bindings.when(Bindings.isEmpty(model.all()))
                        .then("No records in the local copy yet. They are fetched in the background while you are"
                                + " signed in.")
                        .otherwise("No record matches. Clear the search."));
        table.setPlaceholder(empty);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.stateColumn("Outcome", 110, RecordsViewModel::state, "open"::equals));
        table.getColumns().add(Tables.column("Connected", 130, model::connected));
        table.getColumns().add(Tables.column("Endpoint", 150, MirroredSession::endpointName));
        table.getColumns().add(Tables.column("Organisation", 160, MirroredSession::organisationName));
        table.getColumns().add(Tables.column("Technician", 120, MirroredSession::technician));
        table.getColumns().add(Tables.column("Ticket", 90, s -> s.ticket() == null ? "" : s.ticket()));
        table.getColumns().add(Tables.column("Events", 70, s -> String.format("%,d", s.lastSeq())));
        table.getColumns().add(Tables.column("Record", 130, model::integrity));
        Tables.pickRows(table, model.selected(), model::open);

        ProgressBar progress = new ProgressBar();
        progress.setId("syncProgress");
        progress.progressProperty().bind(model.syncProgress());
        progress.visibleProperty().bind(model.syncing());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(180);
        Label status = new Label();
        status.setId("syncStatus");
        status.textProperty().bind(model.syncStatus());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        Label message = new Label();
        message.getStyleClass().add("problem");
        message.textProperty().bind(model.message());
        HBox foot = new HBox(10, progress, status, message);
        foot.setAlignment(Pos.CENTER_LEFT);
        foot.setPadding(new Insets(6, 12, 6, 12));
        root.setTop(new VBox(bar, refusals));
        root.setCenter(table);
        root.setBottom(foot);
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }

    /** Puts the cursor in the table. */
    public void focusTable() {
        table.requestFocus();
    }
}
