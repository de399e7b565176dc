package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The report panel of a closed session's workspace: "Export PDF…" with a file chooser, a spinner while the report is
 * downloaded and checked, the result in words and, once written, "Open" and "Show in folder". Builds nodes, binds to
 * {@link ReportPanelViewModel}, forwards clicks.
 */
final class ReportPanel {
    private final ReportPanelViewModel vm;
    private final VBox box = new VBox(8);
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);

    ReportPanel(ReportPanelViewModel vm, SharingViewModel sharing) {
        this.vm = vm;
        Button export = new Button("Export PDF…");
        export.setId("exportPdf");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(vm.busy());
        export.setOnAction(e -> chooseAndExport());
        // Window tests export without the native file chooser, through the model.
        export.getProperties().put(ReportPanelViewModel.class, vm);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("exportProgress");
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.busy());
        spinner.managedProperty().bind(spinner.visibleProperty());
        HBox row = new HBox(10, export, spinner);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.exportStatus());
        Button open = new Button("Open");
        open.setId("openExported");
        open.setOnAction(e -> vm.openExported());
        Button folder = new Button("Show in folder");
        folder.setId("showExported");
        folder.setOnAction(e -> vm.showExportedFolder());
        HBox done = new HBox(10, open, folder);
        done.visibleProperty().bind(vm.exported().isNotNull());
        done.managedProperty().bind(done.visibleProperty());
        Label hint = new Label("The PDF is signed by the server and carries the session's signed record; the console "
                + "checks both before it writes the file.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Label heading = new Label("Report");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        box.getChildren().addAll(heading, row, status, done, hint);
        box.getChildren().addAll(SharingPane.build(sharing));
        box.setPadding(new Insets(8));
    }

    /** Asks where to write the PDF (Ctrl+E), then exports it there. */
    void chooseAndExport() {
        if (vm.busy().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the PDF report");
        chooser.setInitialDirectory(vm.suggestedFolder().toFile());
        chooser.setInitialFileName(vm.suggestedName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF report", "*.pdf"));
        File chosen = chooser.showSaveDialog(
                box.getScene() == null ? null : box.getScene().getWindow());
        if (chosen != null) {
            vm.export(chosen.toPath());
        }
    }

    Node node() {
        scroll.setFitToWidth(true);
        return scroll;
    }
}
