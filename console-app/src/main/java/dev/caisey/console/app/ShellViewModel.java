package dev.caisey.console.app;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.fx.Times;
import dev.caisey.console.login.Accounts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
 * The main window's state: who is signed in, where the connection stands (a status line, and a banner while
 * reconnecting with the attempt and the next try counting down, or when the console went offline), and signing out.
 * Properties change only on the UI thread; the connection's states are handed over through {@link Background}.
 */
public final class ShellViewModel {
    /** What the banner shows. */
    public enum Banner {
        NONE,
        RECONNECTING,
        OFFLINE
    }

    private final Background background;
    private final Accounts accounts;
    private final ZoneId zone;
    private final ObjectProperty<ConsoleClient> client = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Not signed in");
    private final StringProperty bannerText = new SimpleStringProperty("");
    private final ObjectProperty<Banner> banner = new SimpleObjectProperty<>(Banner.NONE);
    private final BooleanProperty offlineWork = new SimpleBooleanProperty(false);
    private ConnectionState state;

    /** The window's state; sign-outs go through {@code accounts}. */
    public ShellViewModel(Background background, Accounts accounts, ZoneId zone) {
        this.background = background;
        this.accounts = accounts;
        this.zone = zone;
    }

    /** Work goes on without the server, from the local copy of {@code user}'s records on {@code server}. */
    public void offline(String user, String server) {
        client.set(null);
        state = null;
        offlineWork.set(true);
        status.set("Offline: the local copy of " + user + "'s records from " + server);
        bannerText.set("Working offline. Records, search, SLA figures and PDF export work from the local copy;"
                + " File > Sign in again… brings it up to date.");
        banner.set(Banner.OFFLINE);
    }

    /** Offline work ended (back to the sign-in screen). */
    public void leftOffline() {
        offlineWork.set(false);
        banner.set(Banner.NONE);
        status.set("Not signed in");
    }

    /** A client signed in: follow its connection's states. */
    public void signedIn(ConsoleClient signedIn) {
        offlineWork.set(false);
        client.set(signedIn);
        signedIn.onState(s -> background.ui(() -> {
            if (client.get() == signedIn) {
                show(s, Instant.now());
            }
        }));
    }

    /** Shows a connection state as of {@code now}. */
    void show(ConnectionState s, Instant now) {
        state = s;
        switch (s) {
            case ConnectionState.Connecting c -> {
                status.set(c.describe());
                banner.set(Banner.NONE);
            }
            case ConnectionState.Connected c -> {
                status.set("Connected to " + c.server().key() + " as " + c.user() + " ("
                        + c.role().wireName() + ")");
                banner.set(Banner.NONE);
            }
            case ConnectionState.Reconnecting r -> {
                Duration left = Duration.between(now, r.nextTryAt());
                bannerText.set(
                        "Connection to " + r.server().key() + " lost (" + r.reason() + "). Reconnecting: attempt "
                                + r.attempt() + " at " + Times.time(r.nextTryAt(), zone) + " (in "
                                + Math.max(0, (left.toMillis() + 999) / 1000)
                                + " s). Nothing is lost: the session catches up when the connection is back.");
                status.set("Reconnecting…");
                banner.set(Banner.RECONNECTING);
            }
            case ConnectionState.Offline o -> {
                status.set("Offline");
                if (o.problem() != null) {
                    bannerText.set("Offline: " + Problems.words(o.problem()));
                    banner.set(Banner.OFFLINE);
                } else {
                    banner.set(Banner.NONE);
                }
            }
        }
    }

    /** Counts the banner's next try down (the view calls it every second). */
    public void tick(Instant now) {
        if (state instanceof ConnectionState.Reconnecting) {
            show(state, now);
        }
    }

    /** Forgets the remembered sign-in and disconnects; {@code done} runs on the UI thread afterwards. */
    public void signOut(Runnable done) {
        ConsoleClient was = client.get();
        client.set(null);
        state = null;
        banner.set(Banner.NONE);
        status.set("Not signed in");
        background.run(
                () -> {
                    accounts.signOut();
                    if (was != null) {
                        was.close();
                    }
                    return null;
                },
                ok -> done.run(),
                failure -> {
                    bannerText.set(Problems.words(failure));
                    banner.set(Banner.OFFLINE);
                    done.run();
                });
    }

    public ReadOnlyObjectProperty<ConsoleClient> client() {
        return client;
    }

    /** Whether the console works offline from the local copy. */
    public ReadOnlyBooleanProperty offlineWork() {
        return offlineWork;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    public ReadOnlyStringProperty bannerText() {
        return bannerText;
    }

    public ReadOnlyObjectProperty<Banner> banner() {
        return banner;
    }
}
