package dev.caisey.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void readsTheThreeWaysPeopleWriteAServer() {
        ServerAddress expected = new ServerAddress("caisey.example", 9443);

        assertThat(ServerAddress.parse("wss://Caisey.example:9443")).isEqualTo(expected);
        assertThat(ServerAddress.parse("https://caisey.example:9443/")).isEqualTo(expected);
        assertThat(ServerAddress.parse(" caisey.example:9443 ")).isEqualTo(expected);
        assertThat(ServerAddress.parse("wss://caisey.example").port()).isEqualTo(ServerAddress.DEFAULT_PORT);
        assertThat(expected.webSocket()).hasToString("wss://caisey.example:9443/ws/console");
        assertThat(expected.https("/health")).hasToString("https://caisey.example:9443/health");
        assertThat(expected.key()).isEqualTo("caisey.example:9443");
    }

    @Test
    void refusesPlainConnectionsAndNonsenseInWords() {
        for (String bad : new String[] {"http://caisey.example", "ws://caisey.example:1", "", "wss://:80", "a b:1"}) {
            assertThatThrownBy(() -> ServerAddress.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ConsoleException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT))
                    .hasMessageContaining("cannot be used");
        }
        assertThatThrownBy(() -> new ServerAddress("host", 70_000)).hasMessageContaining("1 to 65535");
    }
}
