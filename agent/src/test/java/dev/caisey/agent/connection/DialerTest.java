package dev.caisey.agent.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.agent.identity.Fingerprint;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DialerTest {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(500);

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void givesUpWithinTheHandshakeTimeoutOnAServerThatNeverAnswersTheTlsHandshake() throws Exception {
        // The kernel completes the TCP connection and nobody ever answers: Tyrus alone would wait 30 s for TLS.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Dialer dialer = new Dialer(new Fingerprint(new byte[Fingerprint.SHA256_BYTES]), HANDSHAKE_TIMEOUT);
            URI uri = URI.create("wss://127.0.0.1:" + silent.getLocalPort() + "/ws/agent");
            long begin = System.nanoTime();

            assertThatThrownBy(() -> dialer.connect(
                            new Endpoint() {
                                @Override
                                public void onOpen(Session session, EndpointConfig config) {}
                            },
                            uri))
                    .isInstanceOfSatisfying(
                            AgentException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONNECTION))
                    .hasMessageContaining("within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
