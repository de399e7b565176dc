package dev.caisey.bench.relay;

import dev.caisey.server.tls.TlsMaterial;
import dev.caisey.server.web.WebServer;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * The relay baseline: a Tyrus echo endpoint on the same Grizzly TLS server stack as Caisey's ({@link WebServer}, with
 * a self-signed certificate of its own) and one Tyrus client over TLS on loopback, sending one message at a time and
 * waiting for its echo.
 */
final class EchoBaseline implements AutoCloseable {
    /** How long one echo may take before the benchmark gives up. */
    static final Duration ECHO_WAIT = Duration.ofSeconds(10);

    private final WebServer server;
    private final Session client;
    private final SynchronousQueue<String> echoes;

    private EchoBaseline(WebServer server, Session client, SynchronousQueue<String> echoes) {
        this.server = server;
        this.client = client;
        this.echoes = echoes;
    }

    /** Starts the echo server with TLS material made in {@code dir} and connects the client. */
    static EchoBaseline start(Path dir) throws DeploymentException, IOException {
        TlsMaterial tls = TlsMaterial.loadOrCreate(dir, "127.0.0.1", Instant.now());
        WebServer server = WebServer.start(
                "127.0.0.1",
                0,
                tls.sslContext(),
                List.of(ServerEndpointConfig.Builder.create(EchoEndpoint.class, EchoEndpoint.PATH)
                        .build()),
                Map.of());
        try {
            ClientManager manager = ClientManager.createClient();
            manager.getProperties()
                    .put(
                            ClientProperties.SSL_ENGINE_CONFIGURATOR,
                            new SslEngineConfigurator(
                                    TlsMaterial.clientContextTrusting(tls.certificate()), true, false, false));
            SynchronousQueue<String> queue = new SynchronousQueue<>();
            Session session = manager.connectToServer(
                    new Endpoint() {
                        @Override
                        public void onOpen(Session s, EndpointConfig config) {
                            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                                try {
                                    queue.offer(text, ECHO_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                        }
                    },
                    ClientEndpointConfig.Builder.create().build(),
                    URI.create("wss://127.0.0.1:" + server.port() + EchoEndpoint.PATH));
            return new EchoBaseline(server, session, queue);
        } catch (DeploymentException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Sends {@code text} and waits for its echo; returns the round trip in nanoseconds. */
    long roundTrip(String text) throws IOException, InterruptedException {
        long start = System.nanoTime();
        client.getBasicRemote().sendText(text);
        String echo = echoes.poll(ECHO_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - start;
        if (echo == null || echo.length() != text.length()) {
            throw new IllegalStateException("the echo did not come back whole within " + ECHO_WAIT.toSeconds() + " s");
        }
        return elapsed;
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
