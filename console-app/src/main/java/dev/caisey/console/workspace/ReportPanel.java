package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

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
        Label hint = new Label("The PDF is signed by the server and carries the session's signed record; the console "
                + "checks both before it writes the file.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Label heading = new Label("Report");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        box.getChildren().addAll(heading, ExportControls.build(vm), hint);
        box.getChildren().addAll(SharingPane.build(sharing));
        box.setPadding(new Insets(8));
    }

    /** Asks where to write the PDF (Ctrl+E), then exports it there. */
    void chooseAndExport() {
        ExportControls.chooseAndExport(box, vm);
    }

    Node node() {
        scroll.setFitToWidth(true);
        return scroll;
    }
}
