package dev.caisey.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.console.login.Accounts;
import dev.caisey.record.protocol.AccountRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    private static final ServerAddress SERVER = new ServerAddress("caisey.example", 8443);
    private static final Instant NOW = Instant.parse("2026-11-17T15:15:32Z");

    private final Background background = new Background(new UiQueue());
    private final ShellViewModel vm = new ShellViewModel(
            background,
            new Accounts(new ConsoleHome(Path.of("unused")), ConnectionSettings.standard()),
            ZoneId.of("UTC"));

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void theBannerTellsTheAttemptAndCountsDownToTheNextTry() {
        vm.show(new ConnectionState.Connected(SERVER, "dana", AccountRole.TECHNICIAN, NOW), NOW);
        assertThat(vm.status().get()).isEqualTo("Connected to caisey.example:8443 as dana (technician)");
        assertThat(vm.banner().get()).isEqualTo(ShellViewModel.Banner.NONE);

        Instant next = NOW.plusSeconds(8);
        vm.show(new ConnectionState.Reconnecting(SERVER, 3, next, Duration.ofSeconds(8), "connection reset"), NOW);
        assertThat(vm.banner().get()).isEqualTo(ShellViewModel.Banner.RECONNECTING);
        assertThat(vm.bannerText().get())
                .startsWith("Connection to caisey.example:8443 lost (connection reset). Reconnecting: attempt 3 at"
                        + " 15:15:40 (in 8 s).");
        vm.tick(NOW.plusSeconds(5));
        assertThat(vm.bannerText().get()).contains("(in 3 s)");

        vm.show(new ConnectionState.Connected(SERVER, "dana", AccountRole.TECHNICIAN, next), next);
        assertThat(vm.banner().get()).isEqualTo(ShellViewModel.Banner.NONE);
    }

    @Test
    void goingOfflineWithAProblemSaysWhyAndWhatToDo() {
        vm.show(
                new ConnectionState.Offline(
                        SERVER,
                        "the sign-in expired",
                        new ConsoleException(ConsoleException.Failure.NOT_SIGNED_IN, "The sign-in expired.")),
                NOW);
        assertThat(vm.banner().get()).isEqualTo(ShellViewModel.Banner.OFFLINE);
        assertThat(vm.bannerText().get()).isEqualTo("Offline: The sign-in expired. Sign in again.");
        vm.show(new ConnectionState.Offline(SERVER, "closed", null), NOW);
        assertThat(vm.banner().get()).isEqualTo(ShellViewModel.Banner.NONE);
    }
}
