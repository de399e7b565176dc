package dev.caisey.console.app;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help > Shortcuts: every shortcut of {@link Shortcuts} with what it does. */
final class ShortcutsDialog {
    private ShortcutsDialog() {}

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.MENUS) {
            grid.addRow(row++, keys(Shortcuts.display(s)), new Label(s.action()));
        }
        for (Shortcuts.Shortcut s : Shortcuts.IN_FIELDS) {
            grid.addRow(row++, keys(s.keys()), new Label(s.action()));
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setId("shortcutsDialog");
        alert.show();
    }

    private static Label keys(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("shortcut-keys");
        return l;
    }
}
