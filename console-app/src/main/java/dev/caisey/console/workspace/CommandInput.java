package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import dev.caisey.record.event.Shell;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The workspace's command input: shell, "ask the client to approve" with the words the client will read, and the
 * script. Enter and Ctrl+Enter run, Shift+Enter adds a line, Up on the first line and Down on the last walk the
 * history, as in a terminal.
 */
final class CommandInput {
    private final WorkspaceViewModel vm;
    private final TextArea script = new TextArea();
    private final VBox box;

    CommandInput(WorkspaceViewModel vm) {
        this.vm = vm;
        this.box = build();
    }

    Node node() {
        return box;
    }

    private VBox build() {
        ComboBox<Shell> shell = new ComboBox<>(FXCollections.observableArrayList(Shell.SH, Shell.POWERSHELL));
        shell.setId("shell");
        shell.valueProperty().bindBidirectional(vm.shell());
        shell.setConverter(new StringConverter<>() {
            @Override
            public String toString(Shell s) {
                return s == null ? "" : s == Shell.SH ? "sh" : "PowerShell";
            }

            @Override
            public Shell fromString(String s) {
                return s.equals("sh") ? Shell.SH : Shell.POWERSHELL;
            }
        });
        CheckBox ask = new CheckBox("Ask the client to approve");
        ask.setId("askApproval");
        ask.selectedProperty().bindBidirectional(vm.askApproval());
        TextField prompt = new TextField();
        prompt.setId("approvalPrompt");
        prompt.setPromptText("In plain words for the client, e.g. Restart the print spooler");
        prompt.textProperty().bindBidirectional(vm.approvalPrompt());
        prompt.disableProperty().bind(ask.selectedProperty().not());
        HBox.setHgrow(prompt, Priority.ALWAYS);
        HBox options = new HBox(10, shell, ask, prompt);
        options.setAlignment(Pos.CENTER_LEFT);

        script.setId("script");
        script.getStyleClass().add("script-input");
        script.setPrefRowCount(3);
        script.setWrapText(false);
        script.setPromptText("Command or script: Enter runs, Shift+Enter adds a line, Up/Down for history");
        script.textProperty().bindBidirectional(vm.script());
        script.addEventFilter(KeyEvent.KEY_PRESSED, this::scriptKey);
        Button run = new Button("Run");
        run.setId("run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> vm.run());
        run.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, script, run);
        HBox.setHgrow(script, Priority.ALWAYS);
        line.setAlignment(Pos.BOTTOM_LEFT);
        VBox box = new VBox(8, options, line);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("command-input");
        return box;
    }

    private void scriptKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            if (e.isShiftDown()) {
                script.insertText(script.getCaretPosition(), "\n");
            } else {
                vm.run();
            }
        } else if (e.getCode() == KeyCode.UP
                && !script.getText().substring(0, script.getCaretPosition()).contains("\n")) {
            if (vm.historyUp()) {
                e.consume();
                script.positionCaret(script.getText().length());
            }
        } else if (e.getCode() == KeyCode.DOWN
                && !script.getText().substring(script.getCaretPosition()).contains("\n")) {
            if (vm.historyDown()) {
                e.consume();
                script.positionCaret(script.getText().length());
            }
        }
    }

    void focus() {
        script.requestFocus();
    }
}
