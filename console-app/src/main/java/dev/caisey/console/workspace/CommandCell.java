package dev.caisey.console.workspace;

import dev.caisey.console.session.CommandView;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A command as a card in the workspace's list: its state in words and colour (waiting for approval, running, finished
 * with its exit code, declined, timed out, cancelled), the shell, how much output it gave, and its script.
 */
final class CommandCell extends ListCell<CommandView> {
    private final Label phase = new Label();
    private final Label facts = new Label();
    private final Label script = new Label();
    private final Label prompt = new Label();
    private final VBox card;

    CommandCell() {
        phase.getStyleClass().add("command-phase");
        facts.getStyleClass().add("command-facts");
        script.getStyleClass().add("command-script");
        script.setWrapText(false);
        prompt.getStyleClass().add("command-facts");
        prompt.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, phase, gap, facts);
        top.setAlignment(Pos.CENTER_LEFT);
        card = new VBox(4, top, script, prompt);
        card.getStyleClass().add("command-card");
        setPrefWidth(0); // let the list's width decide; long scripts are cut with an ellipsis
    }

    @Override
    protected void updateItem(CommandView c, boolean empty) {
        super.updateItem(c, empty);
        if (empty || c == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        phase.setText(CommandWords.phaseWords(c));
        phase.getStyleClass().removeAll("phase-good", "phase-bad", "phase-wait");
        int tone = CommandWords.tone(c);
        phase.getStyleClass().add(tone > 0 ? "phase-good" : tone < 0 ? "phase-bad" : "phase-wait");
        facts.setText(c.shell().wireName() + " · " + chars(c.outputChars()));
        script.setText(SessionModel.firstLine(c.script()));
        boolean asked = c.approvalPrompt() != null;
        prompt.setText(asked ? "Asked the client: “" + c.approvalPrompt() + "”" : "");
        prompt.setVisible(asked);
        prompt.setManaged(asked);
        setGraphic(card);
        setText(null);
    }

    private static String chars(long n) {
        if (n == 0) {
            return "no output";
        }
        if (n < 10_000) {
            return n + " chars";
        }
        return n < 10_000_000 ? (n / 1_000) + " kB" : (n / 1_000_000) + " MB";
    }
}
