package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import dev.caisey.console.session.CommandView;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A session's workspace: the header (endpoint, ticket, the SLA clock, who is present, the invitation), the command
 * cards, the selected command's output in a virtualized list, the command input, and the side panel with chat, notes
 * and checks, and closing. Builds nodes, binds to {@link WorkspaceViewModel}, forwards keys and clicks.
 */
public final class WorkspaceView {
    private final WorkspaceViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CommandInput input;
    private final ListView<OutputLine> output = new ListView<>();
    private final WorkspaceSide side;
    private final Timeline ticker;

    /** The workspace for {@code vm}, with {@code report} acting on the report once the session is closed. */
    public WorkspaceView(WorkspaceViewModel vm, ReportPanelViewModel report, SharingViewModel sharing) {
        this.vm = vm;
        this.side = new WorkspaceSide(vm, report, sharing);
        this.input = new CommandInput(vm);
        root.getStyleClass().add("workspace");
        root.setTop(header());
        SplitPane work = new SplitPane(commands(), outputPane());
        work.setOrientation(Orientation.VERTICAL);
        work.setDividerPositions(0.38);
        Node inputNode = input.node();
        // A closed session is read-only: no command input.
        inputNode.visibleProperty().bind(vm.closedState().isNull());
        inputNode.managedProperty().bind(inputNode.visibleProperty());
        VBox left = new VBox(work, inputNode);
        VBox.setVgrow(work, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, side.node());
        split.setDividerPositions(0.64);
        root.setCenter(split);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick(Instant.now())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        vm.model().timing().addListener((o, was, is) -> vm.tick(Instant.now()));
    }

    private Node header() {
        Label title = new Label();
        title.setId("sessionTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(vm.model().title());
        Label timing = new Label();
        timing.setId("timing");
        timing.textProperty().bind(vm.timingText());
        vm.sla().addListener((o, was, is) -> {
            timing.getStyleClass().removeAll("phase-good", "phase-bad", "phase-wait");
            switch (is) {
                case WITHIN -> timing.getStyleClass().add("phase-good");
                case NEAR -> timing.getStyleClass().add("phase-wait");
                case EXCEEDED -> timing.getStyleClass().add("phase-bad");
                case NONE -> {}
            }
        });
        Label client = new Label();
        client.setId("clientPresence");
        client.textProperty()
                .bind(Bindings.when(vm.model().clientPresent())
                        .then(Bindings.concat("● client ", vm.model().clientName(), " is here"))
                        .otherwise("○ no client in the session"));
        Label agent = new Label();
        agent.textProperty()
                .bind(Bindings.when(vm.model().agentPresent())
                        .then("● agent connected")
                        .otherwise("○ agent not connected"));
        Button invite = new Button("Invite client");
        invite.setId("invite");
        invite.setOnAction(e -> vm.invite());
        invite.visibleProperty().bind(vm.closedState().isNull());
        invite.managedProperty().bind(invite.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox facts = new HBox(16, timing, gap, client, agent, invite);
        facts.setAlignment(Pos.CENTER_LEFT);

        TextField inviteText = new TextField();
        inviteText.setId("inviteText");
        inviteText.setEditable(false);
        Label copied = new Label("Copied to the clipboard; send it to the client.");
        copied.getStyleClass().add(Styles.TEXT_MUTED);
        HBox inviteBox = new HBox(10, inviteText, copied);
        HBox.setHgrow(inviteText, Priority.ALWAYS);
        inviteBox.setAlignment(Pos.CENTER_LEFT);
        inviteBox.visibleProperty().bind(vm.invitation().isNotNull());
        inviteBox.managedProperty().bind(inviteBox.visibleProperty());
        vm.invitation().addListener((o, was, is) -> {
            if (is != null) {
                String text = "Join link: " + is.url() + "   Code: " + is.code();
                inviteText.setText(text);
                ClipboardContent content = new ClipboardContent();
                content.putString(text);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });

        Label message = new Label();
        message.setId("workspaceMessage");
        message.setWrapText(true);
        message.getStyleClass().add("problem");
        message.textProperty().bind(vm.message());
        message.visibleProperty().bind(vm.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Label closed = new Label();
        closed.setId("closedBanner");
        closed.getStyleClass().add("closed-banner");
        closed.setMaxWidth(Double.MAX_VALUE);
        closed.visibleProperty().bind(vm.model().closed().isNotNull());
        closed.managedProperty().bind(closed.visibleProperty());
        vm.model()
                .closed()
                .addListener((o, was, is) -> closed.setText(
                        is == null ? "" : "Closed (" + is.outcome().wireName() + "): " + is.resolution()));

        VBox box = new VBox(8, title, facts, inviteBox, closed, message);
        box.setPadding(new Insets(12, 14, 10, 14));
        box.getStyleClass().add("workspace-header");
        return box;
    }

    private Node commands() {
        ListView<CommandView> list = new ListView<>(vm.model().commands());
        list.setId("commandList");
        list.setCellFactory(l -> new CommandCell());
        list.setPlaceholder(new Label("No commands yet. Type one below and press Enter."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null) {
                vm.selected().set(is);
            }
        });
        vm.selected().addListener((o, was, is) -> {
            if (is != null && list.getSelectionModel().getSelectedItem() != is) {
                list.getSelectionModel().select(is);
                list.scrollTo(is);
            }
        });
        return list;
    }

    private Node outputPane() {
        Label what = new Label("Output");
        what.getStyleClass().add(Styles.TEXT_BOLD);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel command");
        cancel.setId("cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.cancel());
        Button copy = new Button("Copy output");
        copy.setOnAction(e -> {
            CommandView c = vm.selected().get();
            if (c != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(vm.model().output(c.commandId()).text());
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        what.setMinWidth(0);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        count.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, what, count, copy, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        output.setId("outputList");
        output.getStyleClass().addAll("output", Styles.DENSE);
        output.setCellFactory(l -> new OutputCell());
        output.setPlaceholder(new Label("The selected command's output appears here as it arrives."));
        ListChangeListener<OutputLine> follow = change -> {
            int last = output.getItems().size() - 1;
            if (last >= 0) {
                output.scrollTo(last);
            }
        };
        vm.selected().addListener((o, was, is) -> {
            cancel.setDisable(!CommandWords.cancellable(is));
            if (is == null || (was != null && was.commandId().equals(is.commandId()))) {
                return;
            }
            output.getItems().removeListener(follow);
            ObservableList<OutputLine> lines = vm.model().output(is.commandId()).lines();
            output.setItems(lines);
            lines.addListener(follow);
            count.textProperty().bind(Bindings.size(lines).asString("%d lines"));
            what.setText("Output of " + SessionModel.firstLine(is.script()));
            follow.onChanged(null);
        });
        cancel.setDisable(true);
        VBox box = new VBox(bar, output);
        VBox.setVgrow(output, Priority.ALWAYS);
        return box;
    }

    /** The workspace's root node. */
    public Node node() {
        return root;
    }

    /** Puts the cursor in the command input. */
    public void focusInput() {
        input.focus();
    }

    /** The side panel (chat, notes and checks, closing), for the shortcuts that open its tabs. */
    public WorkspaceSide side() {
        return side;
    }

    /** Stops the clock; the tab is gone. */
    public void dispose() {
        ticker.stop();
    }
}
