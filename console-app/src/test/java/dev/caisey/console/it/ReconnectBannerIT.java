package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.app.Composition;
import dev.caisey.console.app.ConsoleOptions;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import dev.caisey.console.login.Accounts;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.server.it.ServerFixture;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console's banner while its connection is being mended: signed in (with the remembered token) through a proxy
 * that is then shut, the window says the connection was lost, which attempt comes next and when.
 */
@Tag("ui")
class ReconnectBannerIT {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxDriver ui = new FxDriver(robot);

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLostConnectionShowsTheBannerWithTheNextAttempt() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5))) {
            TcpProxy proxy = new TcpProxy(fixture.server().port()); // shut below, on purpose
            ConsoleHome home = new ConsoleHome(dir.resolve("config"));
            ServerAddress address = new ServerAddress("127.0.0.1", proxy.port());
            new Accounts(home, ConnectionSettings.standard())
                    .signIn(address, Fingerprint.parse(fixture.server().fingerprint()), "dana", ServerFixture.PASSWORD)
                    .close();
            Stage stage = FxToolkit.registerPrimaryStage();
            Composition[] console = new Composition[1];
            FxToolkit.setupFixture(() -> {
                console[0] = new Composition(
                        stage, new ConsoleOptions(home, Theme.LIGHT, ""), new Background(Platform::runLater));
                console[0].start();
            });
            ui.until(
                    "connected with the remembered token",
                    () -> ((Label) ui.node("#status"))
                            .getText()
                            .startsWith("Connected to 127.0.0.1:" + proxy.port() + " as dana"));
            Label banner = ui.node("#banner");
            assertThat(FxDriver.fx(banner::isVisible)).isFalse();

            int port = proxy.port();
            proxy.close();
            ui.until(
                    "the reconnect banner",
                    () -> banner.isVisible()
                            && banner.getText().startsWith("Connection to 127.0.0.1:" + port + " lost (")
                            && banner.getText()
                                    .matches(
                                            "(?s).*Reconnecting: attempt \\d+ at \\d\\d:\\d\\d:\\d\\d \\(in \\d+ s\\).*"));
            assertThat(FxDriver.fx(() -> ((Label) ui.node("#status")).getText()))
                    .isEqualTo("Reconnecting…");
            ui.screenshot(stage, "reconnecting");
            FxDriver.act(() -> console[0].close(() -> {}));
        }
    }
}
