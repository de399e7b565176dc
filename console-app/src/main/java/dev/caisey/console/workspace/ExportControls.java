package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * "Export PDF…" with its file chooser, a spinner while the report is fetched and checked, the result in words and,
 * once written, "Open" and "Show in folder": the same controls in a live session's report panel and in a record's
 * timeline. Builds nodes bound to a {@link ReportPanelViewModel}.
 */
public final class ExportControls {
    private ExportControls() {}

    /** The controls for {@code vm}: the button, then {@link #status}. */
    public static VBox build(ReportPanelViewModel vm) {
        VBox box = new VBox(8);
        Button export = new Button("Export PDF…");
        export.setId("exportPdf");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(vm.busy());
        export.setOnAction(e -> chooseAndExport(box, vm));
        // Window tests export without the native file chooser, through the model.
        export.getProperties().put(ReportPanelViewModel.class, vm);
        box.getChildren().addAll(export, status(vm));
        return box;
    }

    /**
     * Where an export stands, for a screen that has its own button: a spinner while the report is fetched and
     * checked, the result in words, then "Open" and "Show in folder". Shows nothing before the first export.
     */
    public static VBox status(ReportPanelViewModel vm) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("exportProgress");
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.busy());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.exportStatus());
        HBox row = new HBox(10, spinner, status);
        row.setAlignment(Pos.CENTER_LEFT);
        Button open = new Button("Open");
        open.setId("openExported");
        open.setOnAction(e -> vm.openExported());
        Button folder = new Button("Show in folder");
        folder.setId("showExported");
        folder.setOnAction(e -> vm.showExportedFolder());
        HBox done = new HBox(10, open, folder);
        done.visibleProperty().bind(vm.exported().isNotNull());
        done.managedProperty().bind(done.visibleProperty());
        VBox box = new VBox(8, row, done);
        box.getProperties().put(ReportPanelViewModel.class, vm);
        box.visibleProperty().bind(vm.exportStatus().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Asks where to write the PDF (Ctrl+E), then exports it there; {@code owner} places the dialog. */
    public static void chooseAndExport(Node owner, ReportPanelViewModel vm) {
        if (vm.busy().get()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the PDF report");
        chooser.setInitialDirectory(vm.suggestedFolder().toFile());
        chooser.setInitialFileName(vm.suggestedName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF report", "*.pdf"));
        File chosen = chooser.showSaveDialog(
                owner.getScene() == null ? null : owner.getScene().getWindow());
        if (chosen != null) {
            vm.export(chosen.toPath());
        }
    }
}
