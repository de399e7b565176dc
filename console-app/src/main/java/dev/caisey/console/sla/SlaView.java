package dev.caisey.console.sla;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The SLA screen: organisation, first and last day, grouping, Refresh and "Export CSV…" across the top; the heading of
 * the figures (or the empty state in words); the chart of report → verified fix per period against the target; and
 * tabs with the periods (total last) and the sessions. Builds nodes, binds and forwards; the figures come from {@link
 * SlaViewModel}.
 */
public final class SlaView {
    private final BorderPane root = new BorderPane();
    private final SlaChart chart = new SlaChart();
    private final ObservableList<SlaGroup> periods = FXCollections.observableArrayList();
    private final SlaViewModel model;

    /** The screen for {@code model}. */
    public SlaView(SlaViewModel model) {
        this.model = model;
        root.setId("slaView");
        root.setTop(new VBox(6, bar(), summary()));
        chart.setId("slaChart");
        chart.setMinHeight(220);
        TabPane tabs = new TabPane(
                new Tab("Periods", SlaTables.periods(periods, placeholder())),
                new Tab("Sessions", SlaTables.sessions(model.rows(), placeholder())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(chart, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        root.setCenter(split);
        root.setBottom(messages());
        model.groups().addListener((ListChangeListener<SlaGroup>) c -> redraw());
        model.report().addListener((o, was, is) -> redraw());
    }

    private HBox bar() {
        ComboBox<OrganisationChoice> organisation = new ComboBox<>(model.organisations());
        organisation.setId("slaOrganisation");
        organisation.setPromptText("Organisation");
        organisation.valueProperty().bindBidirectional(model.organisation());
        DatePicker from = new DatePicker();
        from.setId("slaFrom");
        from.valueProperty().bindBidirectional(model.from());
        DatePicker to = new DatePicker();
        to.setId("slaTo");
        to.valueProperty().bindBidirectional(model.to());
        for (DatePicker picker : List.of(from, to)) {
            picker.setPrefWidth(140);
        }
        ComboBox<Grouping> grouping = new ComboBox<>(FXCollections.observableArrayList(Grouping.values()));
        grouping.setId("slaGrouping");
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grouping g) {
                return g == null ? "" : "By " + g.word();
            }

            @Override
            public Grouping fromString(String text) {
                return Grouping.ofWord(text.replaceFirst("^By ", ""));
            }
        });
        grouping.valueProperty().bindBidirectional(model.grouping());
        Button refresh = new Button("Refresh");
        refresh.setId("slaRefresh");
        refresh.disableProperty().bind(model.busy());
        refresh.setOnAction(e -> model.refresh());
        Button export = new Button("Export CSV…");
        export.setId("slaExport");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty()
                .bind(model.busy()
                        .or(Bindings.createBooleanBinding(
                                () -> model.report().get() == null
                                        || model.report().get().isEmpty(),
                                model.report())));
        export.setOnAction(e -> chooseFile());
        HBox bar = new HBox(10, organisation, new Label("from"), from, new Label("to"), to, grouping, refresh, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 0, 12));
        return bar;
    }

    private Label summary() {
        Label summary = new Label();
        summary.setId("slaSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(model.summary());
        summary.setPadding(new Insets(0, 12, 6, 12));
        summary.setMinHeight(Region.USE_PREF_SIZE);
        return summary;
    }

    private VBox messages() {
        Label problem = new Label();
        problem.setId("slaProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problem());
        Label notice = new Label();
        notice.setId("slaNotice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.textProperty().bind(model.notice());
        for (Label l : List.of(problem, notice)) {
            l.setWrapText(true);
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        VBox box = new VBox(4, problem, notice);
        box.setPadding(new Insets(6, 12, 6, 12));
        return box;
    }

    private Label placeholder() {
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(model.summary());
        return empty;
    }

    private void redraw() {
        SlaReport r = model.report().get();
        List<SlaGroup> shown = model.groups();
        chart.show(shown, r == null ? null : r.targetMinutes());
        chart.setTitle(r == null || r.isEmpty() ? "" : "Report → verified fix, " + r.organisationName());
        periods.setAll(shown);
        if (r != null && !r.isEmpty()) {
            periods.add(new SlaGroup("total", "All", r.from(), r.to(), r.overall()));
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the SLA figures as CSV");
        chooser.setInitialFileName(model.suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }

    /** The screen's root node. */
    public Node node() {
        return root;
    }
}
