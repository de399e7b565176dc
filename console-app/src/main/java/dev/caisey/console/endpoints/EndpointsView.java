package dev.caisey.console.endpoints;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.caisey.console.fx.Tables;
import dev.caisey.console.fx.Times;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.EndpointInfo;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * The endpoints screen: a search field, organisation and presence filters, the table with live presence, OS and last
 * seen, and beside it the selected endpoint with the form that opens a session. Builds nodes, binds, forwards.
 */
public final class EndpointsView {
    private final BorderPane root = new BorderPane();
    private final CustomTextField search = new CustomTextField();
    private final TableView<EndpointInfo> table = new TableView<>();
    private final EndpointsViewModel model;

    /** The screen for {@code model}. */
    public EndpointsView(EndpointsViewModel model) {
        this.model = model;
        search.setId("endpointSearch");
        search.setPromptText("Find an endpoint by name, OS or organisation  (Ctrl+F)");
        search.setLeft(padded(new Label("Find")));
        search.textProperty().bindBidirectional(model.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<String> organisation = new ComboBox<>(model.organisations());
        organisation.setId("organisationFilter");
        organisation.valueProperty().bindBidirectional(model.organisation());
        ComboBox<EndpointsViewModel.Presence> presence = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(EndpointsViewModel.Presence.values()));
        presence.setId("presenceFilter");
        presence.valueProperty().bindBidirectional(model.presence());
        Label count = new Label();
        count.textProperty().bind(Bindings.size(model.shown()).asString("%d shown"));
        count.getStyleClass().add(Styles.TEXT_MUTED);
        HBox filters = new HBox(10, search, organisation, presence, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(12));

        table.setId("endpointTable");
        table.setItems(model.shown());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty()
                .bind(Bindings.when(Bindings.isEmpty(model.all()))
                        .then("No endpoints yet. Enroll an agent (caisey-agent enroll) and it appears here.")
                        .otherwise("No endpoint matches. Clear the search or the filters."));
        table.setPlaceholder(empty);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .add(Tables.stateColumn("", 90, e -> e.online() ? "● online" : "○ offline", t -> t.endsWith("online")));
        table.getColumns().add(Tables.column("Endpoint", 170, EndpointInfo::name));
        table.getColumns().add(Tables.column("Organisation", 190, EndpointInfo::organisationName));
        table.getColumns().add(Tables.column("OS", 170, EndpointInfo::os));
        table.getColumns().add(Tables.column("Last seen", 140, this::lastSeen));
        Tables.pickRows(table, model.selected(), model::openSession);

        SplitPane split = new SplitPane(table, details());
        split.setDividerPositions(0.68);
        root.setTop(filters);
        root.setCenter(split);
    }

    private Node details() {
        Label name = new Label();
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        Label facts = new Label();
        facts.setWrapText(true);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        model.selected().addListener((o, was, is) -> {
            name.setText(is == null ? "No endpoint chosen" : is.name());
            facts.setText(
                    is == null
                            ? "Choose an endpoint in the list to open a session on it."
                            : is.organisationName() + "\n" + is.os() + "\nagent " + is.agentVersion() + "\n"
                                    + (is.online() ? "online now" : "offline, last seen " + lastSeen(is)));
        });
        name.setText("No endpoint chosen");
        facts.setText("Choose an endpoint in the list to open a session on it.");
        TextField ticket = new TextField();
        ticket.setId("ticket");
        ticket.setPromptText("e.g. HD-4471");
        ticket.textProperty().bindBidirectional(model.ticket());
        TextField reported = new TextField();
        reported.setId("reportedAt");
        reported.setPromptText("yyyy-MM-dd HH:mm or HH:mm");
        reported.textProperty().bindBidirectional(model.reportedAt());
        Button open = new Button("Open session");
        open.setId("openSession");
        open.getStyleClass().add(Styles.ACCENT);
        open.setMaxWidth(Double.MAX_VALUE);
        open.disableProperty().bind(model.selected().isNull().or(model.busy()));
        open.setOnAction(e -> model.openSession());
        Label message = new Label();
        message.setId("endpointMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.message());
        VBox box = new VBox(
                8,
                name,
                facts,
                new Label("Ticket reference"),
                ticket,
                new Label("Reported at (" + model.zone().getId() + ")"),
                reported,
                open,
                message);
        box.setPadding(new Insets(16));
        box.setMinWidth(240);
        return box;
    }

    private String lastSeen(EndpointInfo e) {
        if (e.online()) {
            return "now";
        }
        if (e.lastSeenAt() == null) {
            return "never";
        }
        return Times.ago(Micros.toInstant(e.lastSeenAt()), Instant.now(), model.zone());
    }

    private static Node padded(Label label) {
        label.setPadding(new Insets(0, 6, 0, 8));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }

    /** Puts the cursor in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
