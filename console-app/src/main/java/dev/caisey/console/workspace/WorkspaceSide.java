package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Verdict;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The workspace's side panel: chat with the client (with an unread count in the tab's title), notes and verification
 * steps with the session's activity, and closing with a resolution and outcome.
 */
public final class WorkspaceSide {
    private final TabPane tabs = new TabPane();
    private final Tab chatTab = new Tab();
    private final Tab recordTab = new Tab("Notes & checks");
    private final Tab closeTab = new Tab("Close");
    private final TextField chatInput = new TextField();
    private final TextField noteInput = new TextField();
    private final TextField statement = new TextField();
    private final TextArea resolution = new TextArea();

    private final Tab reportTab = new Tab("Report");
    private final ReportPanel report;

    WorkspaceSide(WorkspaceViewModel vm, ReportPanelViewModel reportVm, SharingViewModel sharing) {
        report = new ReportPanel(reportVm, sharing);
        reportTab.setId("reportTab");
        reportTab.setContent(report.node());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        chatTab.setId("chatTab");
        chatTab.textProperty()
                .bind(Bindings.when(vm.model().unread().greaterThan(0))
                        .then(Bindings.concat("Chat (", vm.model().unread().asString(), " new)"))
                        .otherwise("Chat"));
        chatTab.setContent(chat(vm));
        recordTab.setContent(record(vm));
        closeTab.setContent(close(vm));
        tabs.getTabs().addAll(chatTab, recordTab, closeTab);
        // A closed session cannot be closed again; its tab stays to show the form it was closed with.
        closeTab.disableProperty().bind(vm.model().closed().isNotNull());
        // Once closed, the report can be exported, sent and shared.
        vm.model().closed().addListener((o, was, is) -> {
            if (is != null && !tabs.getTabs().contains(reportTab)) {
                tabs.getTabs().add(reportTab);
                tabs.getSelectionModel().select(reportTab);
                sharing.refreshAccess();
            }
        });
        vm.model().chatShown().bind(chatTab.selectedProperty());
    }

    private Node chat(WorkspaceViewModel vm) {
        ListView<ChatLine> list = new ListView<>(vm.model().chat());
        list.setId("chatList");
        list.setPlaceholder(new Label("No messages yet. Invite the client, then write here."));
        list.setCellFactory(l -> new WrappingCell<ChatLine>() {
            @Override
            protected void show(ChatLine line) {
                getStyleClass().removeAll("chat-client", "chat-technician");
                getStyleClass().add(line.fromClient() ? "chat-client" : "chat-technician");
                head.setText(line.who() + " · " + dev.caisey.console.fx.Times.time(line.at(), ZoneId.systemDefault()));
                body.setText(line.text());
            }
        });
        vm.model().chat().addListener((javafx.collections.ListChangeListener<ChatLine>)
                c -> list.scrollTo(vm.model().chat().size() - 1));
        chatInput.setId("chatInput");
        chatInput.setPromptText("Message to the client (Enter sends)");
        chatInput.textProperty().bindBidirectional(vm.chatText());
        chatInput.setOnAction(e -> vm.sendChat());
        Button send = new Button("Send");
        send.setId("sendChat");
        send.setOnAction(e -> vm.sendChat());
        HBox line = new HBox(8, chatInput, send);
        HBox.setHgrow(chatInput, Priority.ALWAYS);
        VBox box = new VBox(8, list, line);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node record(WorkspaceViewModel vm) {
        noteInput.setId("noteInput");
        noteInput.setPromptText("A note for the record (Enter adds it)");
        noteInput.textProperty().bindBidirectional(vm.note());
        noteInput.setOnAction(e -> vm.addNote());
        Button addNote = new Button("Add note");
        addNote.setId("addNote");
        addNote.setOnAction(e -> vm.addNote());
        HBox noteLine = new HBox(8, noteInput, addNote);
        HBox.setHgrow(noteInput, Priority.ALWAYS);

        ToggleGroup verdicts = new ToggleGroup();
        RadioButton passed = new RadioButton("Passed");
        passed.setId("verifyPassed");
        passed.setToggleGroup(verdicts);
        RadioButton failed = new RadioButton("Failed");
        failed.setId("verifyFailed");
        failed.setToggleGroup(verdicts);
        passed.setSelected(vm.verdict().get() == Verdict.PASSED);
        failed.setSelected(vm.verdict().get() == Verdict.FAILED);
        verdicts.selectedToggleProperty()
                .addListener((o, was, is) -> vm.verdict().set(is == failed ? Verdict.FAILED : Verdict.PASSED));
        CheckBox ofCommand = new CheckBox("of the selected command");
        ofCommand.setId("verifySelected");
        ofCommand.selectedProperty().bindBidirectional(vm.verifySelected());
        statement.setId("verifyStatement");
        statement.setPromptText("What was checked and what was seen");
        statement.textProperty().bindBidirectional(vm.statement());
        statement.setOnAction(e -> vm.verify());
        Button verify = new Button("Mark as verification");
        verify.setId("verify");
        verify.getStyleClass().add(Styles.SUCCESS);
        verify.setOnAction(e -> vm.verify());
        HBox verdictLine = new HBox(12, passed, failed, ofCommand);
        verdictLine.setAlignment(Pos.CENTER_LEFT);

        ListView<String> activity = new ListView<>(vm.model().activity());
        activity.setId("activityList");
        activity.setPlaceholder(new Label("Notes, checks, approvals and who joined appear here."));
        activity.setCellFactory(l -> new WrappingCell<String>() {
            @Override
            protected void show(String text) {
                body.setText(text);
            }
        });
        VBox box = new VBox(
                8,
                heading("Verification"),
                verdictLine,
                statement,
                verify,
                heading("Note"),
                noteLine,
                heading("Activity"),
                activity);
        VBox.setVgrow(activity, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node close(WorkspaceViewModel vm) {
        resolution.setId("resolution");
        resolution.setPromptText("What was done and how it ended, for the client's report");
        resolution.setWrapText(true);
        resolution.setPrefRowCount(4);
        resolution.textProperty().bindBidirectional(vm.resolution());
        ComboBox<Outcome> outcome = new ComboBox<>(FXCollections.observableArrayList(Outcome.values()));
        outcome.setId("outcome");
        outcome.valueProperty().bindBidirectional(vm.outcome());
        Button close = new Button("Close session");
        close.setId("closeSession");
        close.getStyleClass().add(Styles.DANGER);
        close.setOnAction(e -> vm.close());
        close.disableProperty().bind(vm.model().closed().isNotNull());
        Label hint = new Label("Closing ends the session for everyone; the record is signed and cannot be added to.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, heading("Resolution"), resolution, heading("Outcome"), outcome, close, hint);
        box.setPadding(new Insets(8));
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    Node node() {
        return tabs;
    }

    /** Shows the chat and puts the cursor in its input. */
    public void focusChat() {
        tabs.getSelectionModel().select(chatTab);
        chatInput.requestFocus();
    }

    /** Shows notes and checks with the cursor in the note input. */
    public void focusNote() {
        tabs.getSelectionModel().select(recordTab);
        noteInput.requestFocus();
    }

    /** Shows notes and checks with the cursor in the verification sentence. */
    public void focusVerify() {
        tabs.getSelectionModel().select(recordTab);
        statement.requestFocus();
    }

    /** Shows the report panel and asks where to export the PDF (Ctrl+E); only once the session is closed. */
    public void exportReport() {
        if (tabs.getTabs().contains(reportTab)) {
            tabs.getSelectionModel().select(reportTab);
            report.chooseAndExport();
        }
    }

    /** Shows the closing form. */
    public void focusClose() {
        tabs.getSelectionModel().select(closeTab);
        resolution.requestFocus();
    }
}
