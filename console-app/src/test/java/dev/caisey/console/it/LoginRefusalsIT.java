package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.cli.ExitCodes;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.config.TokenStore;
import dev.caisey.console.it.ConsoleHarness.Run;
import dev.caisey.server.it.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caisey login} refuses in words, with a documented exit status, and remembers nothing it should not. */
class LoginRefusalsIT {
    private static final String WRONG = "AB:".repeat(31) + "AB";

    @TempDir
    Path dir;

    private static Run login(ConsoleHarness h, String password, String... extra) {
        String[] base = {"login", "--server", h.serverUrl(), "--user", "dana", "--password-stdin"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return h.caiseyWithInput(password + "\n", args);
    }

    @Test
    void aWrongFingerprintIsRefusedWithBothAndNothingIsRemembered() {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            Run run = login(h, ServerFixture.PASSWORD, "--fingerprint", WRONG);

            assertThat(run.status()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err())
                    .startsWith("caisey: The server at 127.0.0.1:")
                    .contains("presented the certificate " + h.fingerprint())
                    .contains("you said to expect " + WRONG)
                    .doesNotContain("Exception");
            assertThat(h.configDir.resolve(KnownServers.FILE)).doesNotExist();
            assertThat(h.configDir.resolve(TokenStore.FILE)).doesNotExist();
        }
    }

    @Test
    void withoutAFingerprintOrATerminalTheServerIsRefusedAndItsFingerprintShown() {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            Run run = login(h, ServerFixture.PASSWORD);

            assertThat(run.status()).isEqualTo(ExitCodes.REFUSED);
            assertThat(run.err())
                    .contains("is not known on this computer")
                    .contains("--fingerprint " + h.fingerprint());
            assertThat(h.configDir.resolve(KnownServers.FILE)).doesNotExist();
        }
    }

    @Test
    void aWrongPasswordIsRefusedInTheServersWordsAndNoTokenIsKept() {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            Run run = login(h, "not the password", "--fingerprint", h.fingerprint());

            assertThat(run.status()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
            assertThat(run.err())
                    .contains("caisey: The user name or password is wrong")
                    .doesNotContain("Exception")
                    .doesNotContain("not the password");
            assertThat(h.configDir.resolve(TokenStore.FILE)).doesNotExist();
        }
    }

    @Test
    void aChangedCertificateIsRefusedLoudlyWithBothFingerprints() throws Exception {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            h.login();
            Path known = h.configDir.resolve(KnownServers.FILE);
            Files.writeString(known, Files.readString(known).replace(h.fingerprint(), WRONG));

            Run again = login(h, ServerFixture.PASSWORD);
            Run endpoints = h.caisey("endpoints");

            for (Run run : new Run[] {again, endpoints}) {
                assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.REFUSED);
                assertThat(run.err())
                        .contains("WARNING: the server at 127.0.0.1:")
                        .contains("DIFFERENT certificate: " + h.fingerprint())
                        .contains("trusts only " + WRONG)
                        .contains(known.toString());
            }
        }
    }

    @Test
    void badInputIsAUsageErrorInWords() {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            Run plain = h.caiseyWithInput(
                    "x\n", "login", "--server", "http://127.0.0.1:1", "--user", "dana", "--password-stdin");
            Run noPassword =
                    h.caiseyWithInput("", "login", "--server", h.serverUrl(), "--user", "dana", "--password-stdin");
            Run unknown = h.caisey("frobnicate");

            assertThat(plain.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(plain.err()).contains("the console speaks only TLS");
            assertThat(noPassword.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(noPassword.err()).contains("Standard input gave no password.");
            assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    void anUnreachableServerFailsWithStatusOne() {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            Run run = h.caiseyWithInput(
                    "x\n", "login", "--server", "wss://127.0.0.1:1", "--user", "dana", "--password-stdin");

            assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err())
                    .contains("Cannot reach the server at 127.0.0.1:1")
                    .doesNotContain("\tat ");
        }
    }
}
