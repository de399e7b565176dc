package dev.caisey.console.login;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.trust.Fingerprint;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in screen's state and commands. First contact with a server takes two steps: {@link #connect()} fetches
 * the certificate and shows its fingerprint, {@link #trust()} signs in trusting exactly that certificate (or {@link
 * #reject()} sends nothing). A server already trusted goes straight to sign-in. At start {@link #resumeSaved()} signs
 * in with the remembered token. Properties change only on the UI thread; all waiting happens in {@link Background}.
 */
public final class LoginViewModel {
    /** Where the screen stands. */
    public enum Stage {
        /** Server, user and password are asked for. */
        FORM,
        /** The certificate's fingerprint waits for the user's confirmation. */
        CONFIRM,
        /** Connecting or signing in. */
        BUSY
    }

    private final Accounts accounts;
    private final Background background;
    private final Consumer<ConsoleClient> signedIn;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.FORM);
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty problem = new SimpleBooleanProperty(false);
    private final StringProperty offlineChoice = new SimpleStringProperty("");
    private Accounts.Presented presented;
    private SavedLogin offlineLogin;
    private Consumer<SavedLogin> offline = saved -> {};

    /** A screen signing in through {@code accounts}; {@code signedIn} receives the connected client. */
    public LoginViewModel(Accounts accounts, Background background, Consumer<ConsoleClient> signedIn) {
        this.accounts = accounts;
        this.background = background;
        this.signedIn = signedIn;
    }

    public StringProperty server() {
        return server;
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty password() {
        return password;
    }

    public ReadOnlyObjectProperty<Stage> stage() {
        return stage;
    }

    /** The presented certificate's fingerprint, while it waits for confirmation. */
    public ReadOnlyStringProperty fingerprint() {
        return fingerprint;
    }

    /** What is happening or what went wrong, in words. */
    public ReadOnlyStringProperty message() {
        return message;
    }

    /**
     * The offer to work offline ("Work offline with the records of dana on host:8443"), made when the remembered
     * sign-in cannot reach its server and a local copy of its records exists; empty otherwise.
     */
    public ReadOnlyStringProperty offlineChoice() {
        return offlineChoice;
    }

    /** Where {@link #workOffline()} goes: the remembered sign-in whose local records to open. */
    public void onOffline(Consumer<SavedLogin> action) {
        this.offline = action;
    }

    /** Opens the local copy of the remembered sign-in's records without the server. */
    public void workOffline() {
        SavedLogin saved = offlineLogin;
        if (saved != null) {
            offlineChoice.set("");
            say("", false);
            offline.accept(saved);
        }
    }

    /** Whether {@link #message()} is a problem rather than progress. */
    public ReadOnlyBooleanProperty problem() {
        return problem;
    }

    /** Signs in with the remembered token, if there is one; otherwise leaves the form as it is. */
    public void resumeSaved() {
        stage.set(Stage.BUSY);
        say("Looking for a remembered sign-in…", false);
        background.run(
                accounts::saved,
                saved -> saved.ifPresentOrElse(this::resume, () -> {
                    stage.set(Stage.FORM);
                    say("", false);
                }),
                this::failed);
    }

    private void resume(SavedLogin saved) {
        server.set(saved.server().toString());
        user.set(saved.user());
        say("Signing in to " + saved.server().key() + " as " + saved.user() + "…", false);
        background.run(() -> accounts.resume(saved), this::done, failure -> {
            failed(failure);
            if (isUnreachable(failure)) {
                background.run(
                        () -> accounts.hasMirror(saved),
                        has -> {
                            if (has) {
                                offlineLogin = saved;
                                offlineChoice.set("Work offline with the records of " + saved.user() + " on "
                                        + saved.server().key());
                            }
                        },
                        ignored -> {});
            }
        });
    }

    /** Checks the form and fetches the server's certificate; an unknown one is shown for confirmation. */
    public void connect() {
        if (stage.get() != Stage.FORM) {
            return;
        }
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.get());
        } catch (ConsoleException e) {
            say(e.getMessage(), true);
            return;
        }
        if (user.get().isBlank() || password.get().isEmpty()) {
            say("Enter your user name and password.", true);
            return;
        }
        stage.set(Stage.BUSY);
        say("Fetching the certificate of " + address.key() + "…", false);
        background.run(
                () -> accounts.probe(address),
                shown -> {
                    presented = shown;
                    if (shown.known()) {
                        signIn();
                    } else {
                        fingerprint.set(shown.fingerprint().toString());
                        stage.set(Stage.CONFIRM);
                        say(
                                "First contact with " + address.key() + ". Compare this fingerprint with the one"
                                        + " caisey-server printed at start (ask your administrator). Trust it only if they"
                                        + " match.",
                                false);
                    }
                },
                this::failed);
    }

    /** The user confirmed the fingerprint: sign in trusting exactly it. */
    public void trust() {
        if (stage.get() == Stage.CONFIRM) {
            signIn();
        }
    }

    /** The user did not recognise the fingerprint: nothing is sent, nothing remembered. */
    public void reject() {
        if (stage.get() == Stage.CONFIRM) {
            presented = null;
            fingerprint.set("");
            stage.set(Stage.FORM);
            say("The certificate was not trusted; nothing was sent to the server.", true);
        }
    }

    private void signIn() {
        Accounts.Presented shown = presented;
        Fingerprint confirmed = shown.fingerprint();
        String name = user.get().strip();
        String secret = password.get();
        stage.set(Stage.BUSY);
        say("Signing in to " + shown.server().key() + " as " + name + "…", false);
        background.run(() -> accounts.signIn(shown.server(), confirmed, name, secret), this::done, this::failed);
    }

    private static boolean isUnreachable(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof ConsoleException)) {
            t = t.getCause();
        }
        return t instanceof ConsoleException e
                && (e.failure() == ConsoleException.Failure.CONNECTION
                        || e.failure() == ConsoleException.Failure.TIMEOUT);
    }

    private void done(ConsoleClient client) {
        offlineChoice.set("");
        offlineLogin = null;
        password.set("");
        fingerprint.set("");
        stage.set(Stage.FORM);
        say("", false);
        signedIn.accept(client);
    }

    private void failed(Throwable failure) {
        stage.set(Stage.FORM);
        say(Problems.words(failure), true);
    }

    /** Shows {@code text} after signing out or when a session ended. */
    public void tell(String text) {
        say(text, false);
    }

    private void say(String text, boolean isProblem) {
        message.set(text);
        problem.set(isProblem);
    }
}
