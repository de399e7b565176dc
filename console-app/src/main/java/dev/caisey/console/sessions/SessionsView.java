package dev.caisey.console.sessions;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.caisey.console.fx.Tables;
import dev.caisey.record.protocol.SessionInfo;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * The sessions screen: a search field, Refresh, and the table of sessions (open ones first) with endpoint,
 * organisation, technician, ticket, opened and closed times, outcome and the number of events. Double-click or Enter
 * opens the session in a workspace. Builds nodes, binds, forwards.
 */
public final class SessionsView {
    private final BorderPane root = new BorderPane();
    private final TableView<SessionInfo> table = new TableView<>();

    /** The screen for {@code model}. */
    public SessionsView(SessionsViewModel model) {
        CustomTextField search = Tables.findField(
                "sessionSearch",
                "Find a session by endpoint, organisation, technician, ticket or state",
                model.search());
        Button refresh = new Button("Refresh");
        refresh.setId("refreshSessions");
        refresh.disableProperty().bind(model.busy());
        refresh.setOnAction(e -> model.refresh());
        Button open = new Button("Open");
        open.setId("openListedSession");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.selected().isNull());
        open.setOnAction(e -> model.open());
        Label count = Tables.shownCount(model.shown());
        HBox bar = new HBox(10, search, count, refresh, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12));

        table.setId("sessionTable");
        table.setItems(model.shown());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty()
                .bind(Bindings.when(Bindings.isEmpty(model.all()))
                        .then("No sessions yet. Open one from the Endpoints tab (Ctrl+1).")
                        .otherwise("No session matches. Clear the search."));
        table.setPlaceholder(empty);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.stateColumn("State", 130, SessionsViewModel::state, "open"::equals));
        table.getColumns().add(Tables.column("Endpoint", 150, SessionInfo::endpointName));
        table.getColumns().add(Tables.column("Organisation", 170, model::organisation));
        table.getColumns().add(Tables.column("Technician", 120, SessionInfo::technician));
        table.getColumns().add(Tables.column("Ticket", 100, s -> s.ticket() == null ? "" : s.ticket()));
        table.getColumns().add(Tables.column("Opened", 130, model::opened));
        table.getColumns().add(Tables.column("Closed", 130, model::closed));
        table.getColumns().add(Tables.column("Events", 70, s -> Long.toString(s.lastSeq())));
        Tables.pickRows(table, model.selected(), model::open);
        Label message = new Label();
        message.setId("sessionsMessage");
        message.setWrapText(true);
        message.getStyleClass().add("problem");
        message.textProperty().bind(model.message());
        message.visibleProperty().bind(model.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.setPadding(new Insets(6, 12, 6, 12));
        root.setTop(bar);
        root.setCenter(table);
        root.setBottom(message);
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }

    /** Puts the cursor in the table, so Enter opens the selected session. */
    public void focusTable() {
        table.requestFocus();
    }
}
