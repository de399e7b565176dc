package dev.caisey.console.workspace;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The sending and sharing part of a closed session's report panel: "Send to client" with the delivery's state, a share
 * link with its expiry, Copy and Revoke, and the access log with Refresh. Builds nodes, binds to {@link
 * SharingViewModel}, forwards clicks.
 */
final class SharingPane {
    private SharingPane() {}

    static List<Node> build(SharingViewModel vm) {
        Button send = new Button("Send to client");
        send.setId("sendReport");
        send.setOnAction(e -> vm.send());
        Label sendStatus = wrapped("sendStatus");
        sendStatus.textProperty().bind(vm.sendStatus());

        ComboBox<SharingViewModel.Expiry> expiry =
                new ComboBox<>(FXCollections.observableArrayList(SharingViewModel.Expiry.values()));
        expiry.setId("shareExpiry");
        expiry.valueProperty().bindBidirectional(vm.expiry());
        Button share = new Button("Create share link…");
        share.setId("createShare");
        share.setOnAction(e -> vm.share());
        HBox shareRow = new HBox(10, share, new Label("valid for"), expiry);
        shareRow.setAlignment(Pos.CENTER_LEFT);
        TextField url = new TextField();
        url.setId("shareUrl");
        url.setEditable(false);
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copyShare");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(url.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button revoke = new Button("Revoke");
        revoke.setId("revokeShare");
        revoke.getStyleClass().add(Styles.DANGER);
        revoke.setOnAction(e -> vm.revoke());
        HBox linkRow = new HBox(8, url, copy, revoke);
        linkRow.setAlignment(Pos.CENTER_LEFT);
        linkRow.visibleProperty().bind(vm.link().isNotNull());
        linkRow.managedProperty().bind(linkRow.visibleProperty());
        vm.link().addListener((o, was, is) -> url.setText(is == null ? "" : is.url()));
        Label shareStatus = wrapped("shareStatus");
        shareStatus.textProperty().bind(vm.shareStatus());

        ListView<String> access = new ListView<>(vm.access());
        access.setId("accessList");
        access.getStyleClass().add(Styles.DENSE);
        access.setPrefHeight(160);
        access.setPlaceholder(new Label("No one has used this record yet."));
        Button refresh = new Button("Refresh");
        refresh.setId("refreshAccess");
        refresh.setOnAction(e -> vm.refreshAccess());
        HBox accessHead = new HBox(10, heading("Access log"), refresh);
        accessHead.setAlignment(Pos.CENTER_LEFT);
        Label accessStatus = wrapped("accessStatus");
        accessStatus.textProperty().bind(vm.accessStatus());
        return List.of(
                new Separator(),
                heading("Send to the client"),
                send,
                sendStatus,
                new Separator(),
                heading("Share link"),
                shareRow,
                linkRow,
                shareStatus,
                new Separator(),
                accessHead,
                access,
                accessStatus);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label wrapped(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }
}
