package dev.caisey.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginViewModelTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final List<ConsoleClient> signedIn = new ArrayList<>();

    private LoginViewModel vm() {
        return new LoginViewModel(
                new Accounts(new ConsoleHome(dir), ConnectionSettings.standard()), background, signedIn::add);
    }

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void refusesAnUnreadableAddressOrMissingCredentialsWithoutConnecting() {
        LoginViewModel vm = vm();
        vm.server().set("ftp://caisey.example");
        vm.connect();
        assertThat(vm.message().get()).contains("the console speaks only TLS: use wss:// or https://");
        assertThat(vm.problem().get()).isTrue();
        vm.server().set("wss://127.0.0.1:8443");
        vm.user().set("dana");
        vm.connect();
        assertThat(vm.message().get()).isEqualTo("Enter your user name and password.");
        assertThat(vm.stage().get()).isEqualTo(LoginViewModel.Stage.FORM);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnreachableServerIsExplainedWithWhatToDo() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        LoginViewModel vm = vm();
        vm.server().set("wss://127.0.0.1:" + port);
        vm.user().set("dana");
        vm.password().set("secret");
        vm.connect();
        assertThat(vm.stage().get()).isEqualTo(LoginViewModel.Stage.BUSY);
        ui.pumpUntil(Duration.ofSeconds(20), () -> vm.stage().get() == LoginViewModel.Stage.FORM);
        assertThat(vm.message().get())
                .startsWith("Cannot reach the server at 127.0.0.1:" + port + " to fetch its certificate")
                .endsWith("Check the network and that the server runs; the console keeps trying.");
        assertThat(vm.problem().get()).isTrue();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void withNothingRememberedTheFormStaysEmpty() throws Exception {
        LoginViewModel vm = vm();
        vm.resumeSaved();
        ui.pumpUntil(Duration.ofSeconds(10), () -> vm.stage().get() == LoginViewModel.Stage.FORM);
        assertThat(vm.message().get()).isEmpty();
        assertThat(signedIn).isEmpty();
    }
}
