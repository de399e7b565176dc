package dev.caisey.console.app;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import dev.caisey.console.login.Accounts;
import dev.caisey.console.login.LoginView;
import dev.caisey.console.login.LoginViewModel;
import dev.caisey.console.workspace.Notice;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;

/**
 * The console's one composition root: makes the services, ViewModels and views and wires them through constructors.
 * The sign-in screen shows until a client is signed in; then the endpoints and session tabs of that sign-in; signing
 * out goes back. Tests build it on a stage of their own, exactly as {@link ConsoleApp} does.
 */
public final class Composition implements ShellView.Actions {
    /** The window's first size, in (scaled) pixels. */
    static final double WIDTH = 1280;

    static final double HEIGHT = 800;

    private final Stage stage;
    private final Background background;
    private final Accounts accounts;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ShellViewModel shellVm;
    private final ShellView shell;
    private final LoginViewModel loginVm;
    private final LoginView login;
    private Theme theme;
    private MainView main;

    /** Builds the console in {@code stage}; call {@link #start()} to show it. */
    public Composition(Stage stage, ConsoleOptions options, Background background) {
        this.stage = stage;
        this.background = background;
        this.theme = options.theme();
        this.accounts = new Accounts(options.home(), ConnectionSettings.standard());
        shellVm = new ShellViewModel(background, accounts, zone);
        shell = new ShellView(shellVm, this);
        loginVm = new LoginViewModel(accounts, background, this::signedIn);
        loginVm.onOffline(this::offline);
        loginVm.server().set(options.server());
        login = new LoginView(loginVm);
    }

    /** Shows the window and signs in with the remembered token, if there is one. */
    public void start() {
        theme.apply();
        Scene scene = new Scene((javafx.scene.Parent) shell.node(), WIDTH, HEIGHT);
        scene.getStylesheets()
                .add(Composition.class.getResource(Theme.CONSOLE_CSS).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Caisey console");
        stage.setOnCloseRequest(e -> quit());
        shell.show(login.node());
        stage.show();
        login.focus();
        loginVm.resumeSaved();
    }

    private void signedIn(ConsoleClient client) {
        shellVm.signedIn(client);
        String user = client.state() instanceof ConnectionState.Connected c
                ? c.user()
                : loginVm.user().get();
        main = new MainView(client, accounts.mirrorFolder(client.server(), user), background, zone, this::notify);
        shell.show(main.node());
        stage.setTitle("Caisey console");
    }

    private void offline(SavedLogin saved) {
        shellVm.offline(saved.user(), saved.server().key());
        main = new MainView(null, accounts.mirrorFolder(saved.server(), saved.user()), background, zone, this::notify);
        shell.show(main.node());
        main.records().showRecords();
        stage.setTitle("Caisey console (offline)");
    }

    @Override
    public void signIn() {
        if (main != null) {
            main.dispose();
            main = null;
        }
        shellVm.leftOffline();
        shell.show(login.node());
        stage.setTitle("Caisey console");
        loginVm.resumeSaved();
    }

    private void notify(Notice notice) {
        Notifications.create()
                .owner(stage)
                .title(notice.title())
                .text(notice.text())
                .position(Pos.TOP_RIGHT)
                .hideAfter(javafx.util.Duration.seconds(8))
                .showInformation();
    }

    @Override
    public void signOut() {
        if (main != null) {
            main.dispose();
            main = null;
        }
        shell.show(login.node());
        shellVm.signOut(() -> loginVm.tell("Signed out. The remembered sign-in was forgotten."));
    }

    @Override
    public void quit() {
        close(Platform::exit);
    }

    /** Stops following sessions, hides the window and disconnects (off the UI thread); then runs {@code done}. */
    public void close(Runnable done) {
        if (main != null) {
            main.dispose();
            main = null;
        }
        stage.hide();
        ConsoleClient client = shellVm.client().get();
        background.run(
                () -> {
                    if (client != null) {
                        client.close();
                    }
                    return null;
                },
                ok -> done.run(),
                failure -> done.run());
    }

    @Override
    public void toggleTheme() {
        theme = theme.toggled();
        theme.apply();
    }

    @Override
    public void showShortcuts() {
        ShortcutsDialog.show(stage);
    }

    @Override
    public MainView main() {
        return main;
    }
}
