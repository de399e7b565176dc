package dev.caisey.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.protocol.AccountRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path dir;

    private final ServerAddress server = new ServerAddress("caisey.example", 8443);

    @Test
    void keepsTheTokenOwnerOnlyAndForgetsItOnLogout() throws Exception {
        ConsoleHome home = new ConsoleHome(dir.resolve("caisey"));
        TokenStore tokens = home.tokens();
        SavedLogin login = new SavedLogin(server, "dana", AccountRole.TECHNICIAN, "t0ken-secret", 42);

        tokens.save(login);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.file())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dir())))
                .isEqualTo("rwx------");
        assertThat(tokens.load()).contains(login);
        assertThat(login.toString()).doesNotContain("t0ken-secret");
        assertThat(tokens.delete()).isTrue();
        assertThat(tokens.load()).isEmpty();
        assertThat(tokens.delete()).isFalse();
    }

    @Test
    void refusesATokenFileOthersMayRead() throws Exception {
        TokenStore tokens = new ConsoleHome(dir).tokens();
        tokens.save(new SavedLogin(server, "dana", AccountRole.TECHNICIAN, "t", 1));
        Files.setPosixFilePermissions(tokens.file(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(tokens::load).hasMessageContaining("may be read by other users");
    }

    @Test
    void remembersServersAndRefusesAnUnreadableList() throws Exception {
        KnownServers known = new ConsoleHome(dir).knownServers();
        Fingerprint f = Fingerprint.parse("ab".repeat(32));
        known.add(server, f);
        known.add(new ServerAddress("other", 1), Fingerprint.parse("cd".repeat(32)));

        assertThat(known.find(server)).contains(f);
        assertThat(known.find(new ServerAddress("nowhere", 1))).isEmpty();
        Files.writeString(known.file(), "caisey.example:8443\n");
        assertThatThrownBy(() -> known.find(server)).hasMessageContaining("Line 1 of");
    }

    @Test
    void findsTheFolderFromOptionEnvironmentOrXdg() {
        Path home = Path.of("/home/dana");
        assertThat(ConsoleHome.locate(Path.of("/x"), Map.of(ConsoleHome.ENV, "/y"), home)
                        .dir())
                .isEqualTo(Path.of("/x"));
        assertThat(ConsoleHome.locate(null, Map.of(ConsoleHome.ENV, "/y", "XDG_CONFIG_HOME", "/z"), home)
                        .dir())
                .isEqualTo(Path.of("/y"));
        assertThat(ConsoleHome.locate(null, Map.of("XDG_CONFIG_HOME", "/z"), home)
                        .dir())
                .isEqualTo(Path.of("/z/caisey"));
        assertThat(ConsoleHome.locate(null, Map.of(), home).dir()).isEqualTo(Path.of("/home/dana/.config/caisey"));
        assertThat(ConsoleHome.locate(null, Map.of(), home).data())
                .isEqualTo(Path.of("/home/dana/.local/share/caisey"));
        assertThat(ConsoleHome.locate(null, Map.of("XDG_DATA_HOME", "/d"), home).data())
                .isEqualTo(Path.of("/d/caisey"));
        assertThat(ConsoleHome.locate(null, Map.of(ConsoleHome.ENV, "/y"), home).data())
                .isEqualTo(Path.of("/y/data"));
    }
}
