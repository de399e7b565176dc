package dev.caisey.console.app;

import dev.caisey.record.event.Shell;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The main window's frame: menus (every frequent action with its shortcut from {@link Shortcuts}), the banner while
 * the connection is being mended or the console works offline, the page in the middle (sign-in, or endpoints,
 * sessions and records) and the status line.
 */
final class ShellView {
    /** What the menus act on; the composition root supplies it. */
    interface Actions {
        void signOut();

        /** Leaves offline work for the sign-in screen (the remembered sign-in is kept). */
        void signIn();

        void quit();

        void toggleTheme();

        void showShortcuts();

        MainView main();
    }

    private final BorderPane root = new BorderPane();
    private final StackPane page = new StackPane();
    private final MenuItem signOut = new MenuItem("Sign out");
    private final MenuItem signIn = new MenuItem("Sign in again…");

    ShellView(ShellViewModel vm, Actions actions) {
        Label banner = new Label();
        banner.setId("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().add("banner");
        banner.textProperty().bind(vm.bannerText());
        banner.visibleProperty().bind(vm.banner().isNotEqualTo(ShellViewModel.Banner.NONE));
        banner.managedProperty().bind(banner.visibleProperty());
        vm.banner().addListener((o, was, is) -> {
            banner.getStyleClass().removeAll("banner-offline");
            if (is == ShellViewModel.Banner.OFFLINE) {
                banner.getStyleClass().add("banner-offline");
            }
        });
        root.setTop(new VBox(menus(vm, actions), banner));
        root.setCenter(page);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.status());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(bar);
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick(java.time.Instant.now())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    private MenuBar menus(ShellViewModel vm, Actions actions) {
        signOut.setId("signOut");
        signOut.setOnAction(e -> actions.signOut());
        signOut.disableProperty().bind(vm.client().isNull());
        signIn.setId("signIn");
        signIn.setOnAction(e -> actions.signIn());
        signIn.visibleProperty().bind(vm.offlineWork());
        MenuItem quit = item(Shortcuts.QUIT, actions::quit);
        Menu file = new Menu("File", null, signIn, signOut, new SeparatorMenuItem(), quit);

        Menu endpoints = new Menu(
                "Endpoints",
                null,
                main(Shortcuts.FIND, actions, MainView::findEndpoint),
                main(Shortcuts.ENDPOINTS, actions, MainView::showEndpoints),
                main(Shortcuts.SESSIONS, actions, MainView::showSessions),
                main(Shortcuts.OPEN, actions, MainView::openSelected));
        Menu session = new Menu(
                "Session",
                null,
                work(Shortcuts.INPUT, actions, w -> w.view().focusInput()),
                work(
                        Shortcuts.SHELL,
                        actions,
                        w -> w.vm().shell().set(w.vm().shell().get() == Shell.SH ? Shell.POWERSHELL : Shell.SH)),
                work(
                        Shortcuts.ASK,
                        actions,
                        w -> w.vm().askApproval().set(!w.vm().askApproval().get())),
                work(Shortcuts.CANCEL, actions, w -> w.vm().cancel()),
                new SeparatorMenuItem(),
                work(Shortcuts.VERIFY, actions, w -> w.view().side().focusVerify()),
                work(Shortcuts.NOTE, actions, w -> w.view().side().focusNote()),
                work(Shortcuts.CHAT, actions, w -> w.view().side().focusChat()),
                work(Shortcuts.INVITE, actions, w -> w.vm().invite()),
                new SeparatorMenuItem(),
                work(Shortcuts.CLOSE, actions, w -> w.view().side().focusClose()));
        Menu records = new Menu(
                "Records",
                null,
                main(Shortcuts.RECORDS, actions, m -> m.records().showRecords()),
                main(Shortcuts.SEARCH, actions, m -> m.records().showSearch()),
                main(Shortcuts.SLA, actions, m -> m.records().showSla()),
                main(Shortcuts.EXPORT, actions, MainView::exportShown));
        endpoints.disableProperty().bind(vm.client().isNull());
        session.disableProperty().bind(vm.client().isNull());
        records.disableProperty().bind(vm.client().isNull().and(vm.offlineWork().not()));
        Menu view = new Menu("View", null, item(Shortcuts.THEME, actions::toggleTheme));
        Menu help = new Menu("Help", null, item(Shortcuts.HELP, actions::showShortcuts));
        return new MenuBar(file, endpoints, session, records, view, help);
    }

    private static MenuItem item(Shortcuts.Shortcut s, Runnable action) {
        MenuItem item = new MenuItem(s.action());
        item.setAccelerator(s.combination());
        item.setOnAction(e -> action.run());
        return item;
    }

    private static MenuItem main(Shortcuts.Shortcut s, Actions actions, java.util.function.Consumer<MainView> act) {
        return item(s, () -> {
            MainView main = actions.main();
            if (main != null) {
                act.accept(main);
            }
        });
    }

    private static MenuItem work(
            Shortcuts.Shortcut s, Actions actions, java.util.function.Consumer<MainView.Workspace> act) {
        return item(s, () -> {
            MainView main = actions.main();
            MainView.Workspace w = main == null ? null : main.current();
            if (w != null) {
                act.accept(w);
            }
        });
    }

    /** Shows {@code node} as the page. */
    void show(Node node) {
        page.getChildren().setAll(node);
    }

    Node node() {
        return root;
    }
}
