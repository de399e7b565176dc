package dev.caisey.server.web;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.server.ServerException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.TyrusAddOns;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * One Grizzly server on one TLS port: the Tyrus WebSocket endpoints and the plain HTTP handlers side by side. There is
 * no plain-text listener.
 */
public final class WebServer implements AutoCloseable {
    /** Largest frame Tyrus buffers; frames above {@link Limits#MAX_MESSAGE_BYTES} but below this get an error frame. */
    static final int INCOMING_BUFFER_BYTES = 2 * Limits.MAX_MESSAGE_BYTES;

    /** Seconds a stopping server waits for connections to finish. */
    static final int SHUTDOWN_GRACE_SECONDS = 2;

    private final HttpServer http;
    private final TyrusServerContainer container;

    private WebServer(HttpServer http, TyrusServerContainer container) {
        this.http = http;
        this.container = container;
    }

    /**
     * Starts the server.
     *
     * @param bind the address to listen on, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for any free one
     * @param tls the server's TLS context
     * @param endpoints the WebSocket endpoints ({@code /ws/agent}, …)
     * @param handlers the HTTP handlers by path pattern ({@code /health}, {@code /join/*}, …)
     * @throws ServerException with {@link ErrorCode#INTERNAL} if the port cannot be opened
     */
    public static WebServer start(
            String bind,
            int port,
            SSLContext tls,
            List<ServerEndpointConfig> endpoints,
            Map<String, HttpHandler> handlers) {
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("caisey", bind, port);
        listener.setSecure(true);
        listener.setSSLEngineConfig(new SSLEngineConfigurator(tls, false, false, false));
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        TCPNIOTransport transport = listener.getTransport();
        transport.setIOStrategy(WorkerThreadIOStrategy.getInstance());
        http.addListener(listener);

        TyrusServerContainer container = new Container();
        listener.registerAddOn(TyrusAddOns.webSockets(container, "/"));
        // Every path not served below gets a plain 404, never one of the other handlers by default.
        http.getServerConfiguration().addHttpHandler(new NotFoundHandler(), HttpHandlerRegistration.ROOT);
        // Grizzly keeps one list of paths per handler: a handler serving several paths is registered once with all.
        Map<HttpHandler, List<HttpHandlerRegistration>> paths = new java.util.IdentityHashMap<>();
        handlers.forEach((path, handler) -> paths.computeIfAbsent(handler, h -> new java.util.ArrayList<>())
                .add(HttpHandlerRegistration.builder().urlPattern(path).build()));
        paths.forEach((handler, registrations) -> http.getServerConfiguration()
                .addHttpHandler(handler, registrations.toArray(HttpHandlerRegistration[]::new)));
        try {
            for (ServerEndpointConfig endpoint : endpoints) {
                container.register(endpoint);
            }
            http.start();
            container.start("/", listener.getPort());
        } catch (IOException | DeploymentException e) {
            http.shutdownNow();
            throw new ServerException(
                    ErrorCode.INTERNAL,
                    "the server cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")",
                    e);
        }
        return new WebServer(http, container);
    }

    /** The port the server listens on (useful when started on port 0). */
    public int port() {
        return http.getListener("caisey").getPort();
    }

    @Override
    public void close() {
        container.stop();
        try {
            http.shutdown(SHUTDOWN_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            http.shutdownNow();
        }
    }

    /** A Tyrus container whose endpoints the add-on serves on our listener. */
    private static final class Container extends TyrusServerContainer {
        private final WebSocketEngine engine = TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(INCOMING_BUFFER_BYTES)
                .build();

        Container() {
            super(Set.<Class<?>>of());
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "/");
        }

        @Override
        public void register(ServerEndpointConfig config) throws DeploymentException {
            engine.register(config, "/");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of();
        }
    }
}
