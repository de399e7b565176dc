package dev.caisey.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.config.TokenStore;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import dev.caisey.server.it.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in screen's logic against a real server: trust on first use, a refused certificate, the saved token. */
class LoginViewModelIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final List<ConsoleClient> signedIn = new ArrayList<>();

    @AfterEach
    void stop() {
        signedIn.forEach(ConsoleClient::close);
        background.close();
    }

    private LoginViewModel vm(ConsoleHome home) {
        return new LoginViewModel(new Accounts(home, ConnectionSettings.standard()), background, signedIn::add);
    }

    @Test
    void firstContactShowsTheFingerprintAndSignsInOnlyOnceTrusted() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5))) {
            ConsoleHome home = new ConsoleHome(dir.resolve("config"));
            LoginViewModel vm = vm(home);
            vm.server().set("wss://127.0.0.1:" + fixture.server().port());
            vm.user().set("dana");
            vm.password().set(ServerFixture.PASSWORD);
            vm.connect();
            ui.pumpUntil(WAIT, () -> vm.stage().get() == LoginViewModel.Stage.CONFIRM);
            assertThat(vm.fingerprint().get())
                    .isEqualToIgnoringCase(fixture.server().fingerprint());
            vm.reject();
            assertThat(vm.message().get())
                    .isEqualTo("The certificate was not trusted; nothing was sent to the server.");
            assertThat(home.dir().resolve(KnownServers.FILE)).doesNotExist();

            vm.connect();
            ui.pumpUntil(WAIT, () -> vm.stage().get() == LoginViewModel.Stage.CONFIRM);
            vm.trust();
            ui.pumpUntil(WAIT, () -> !signedIn.isEmpty());
            assertThat(vm.password().get()).isEmpty();
            assertThat(Files.readString(home.dir().resolve(TokenStore.FILE))).doesNotContain(ServerFixture.PASSWORD);
            signedIn.getFirst().close();

            LoginViewModel later = vm(home);
            later.resumeSaved();
            ui.pumpUntil(WAIT, () -> signedIn.size() == 2);
            assertThat(later.user().get()).isEqualTo("dana");
        }
    }

    @Test
    void aServerWhoseCertificateChangedIsRefusedWithBothFingerprints() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5))) {
            Path config = dir.resolve("config");
            Files.createDirectories(config);
            String other = "AB:".repeat(31) + "AB";
            Files.writeString(
                    config.resolve(KnownServers.FILE),
                    "127.0.0.1:" + fixture.server().port() + " " + other + "\n");
            LoginViewModel vm = vm(new ConsoleHome(config));
            vm.server().set("wss://127.0.0.1:" + fixture.server().port());
            vm.user().set("dana");
            vm.password().set(ServerFixture.PASSWORD);
            vm.connect();
            ui.pumpUntil(WAIT, () -> vm.problem().get());
            assertThat(vm.message().get())
                    .startsWith("WARNING: the server at 127.0.0.1:"
                            + fixture.server().port() + " presented a DIFFERENT certificate")
                    .contains(other);
            assertThat(vm.stage().get()).isEqualTo(LoginViewModel.Stage.FORM);
            assertThat(signedIn).isEmpty();
        }
    }
}
