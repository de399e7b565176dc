package dev.caisey.agent.connection;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.agent.identity.Fingerprint;
import dev.caisey.agent.identity.PinnedTrust;
import dev.caisey.record.Limits;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens WebSocket connections to the server with the Tyrus client over TLS that trusts only the pinned certificate
 * (host names are not checked: the pin already says which server this is). One client, on Tyrus's shared container,
 * serves every connection of the agent's life, so reconnecting never adds threads beyond one short-lived virtual
 * thread per attempt.
 *
 * <p>Each attempt gets {@code handshakeTimeout} as a whole. Tyrus alone does not keep to it: it applies that timeout
 * only to the wait for the upgrade response and waits a fixed 30 s for the TCP connection and for the TLS handshake.
 * A connection cut during the TLS handshake never ends that wait (Grizzly fails its own handshake, not Tyrus's), nor
 * does one cut before the upgrade response end the other, so a network that drops at such a moment would hold the
 * service for 30 s. The attempt therefore runs on its own virtual thread and is given up on at the deadline; a session
 * it still opens afterwards is closed.
 */
public final class Dialer {
    /** Largest text message accepted: twice the protocol's limit, so a too-large frame is refused by the codec (and
     * logged) rather than by the transport. */
    public static final int MAX_TEXT_MESSAGE_BYTES = Limits.MAX_MESSAGE_BYTES * 2;

    private static final System.Logger LOG = System.getLogger(Dialer.class.getName());

    private final ClientManager client;
    private final PinnedTrust trust;
    private final Duration handshakeTimeout;

    /** A dialer trusting only {@code pinned}, giving up on a handshake after {@code handshakeTimeout}. */
    public Dialer(Fingerprint pinned, Duration handshakeTimeout) {
        this.trust = new PinnedTrust(pinned);
        this.handshakeTimeout = handshakeTimeout;
        this.client = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(trust.sslContext(), true, false, false);
        ssl.setHostVerificationEnabled(false);
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        // Tyrus reads this as an Integer only and silently falls back to 30 s for any other type (a Long did).
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, Math.toIntExact(handshakeTimeout.toMillis()));
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    }

    /**
     * Connects {@code endpoint} to {@code uri}, within the handshake timeout.
     *
     * @throws AgentException with {@link Failure#FINGERPRINT_MISMATCH} if the server showed another certificate, or
     *     {@link Failure#CONNECTION} for any other failure (worth retrying), including no connection in time
     */
    public Session connect(Endpoint endpoint, URI uri) throws InterruptedException {
        CompletableFuture<Session> attempt = new CompletableFuture<>();
        Thread.ofVirtual().name("link-connect").start(() -> {
            try {
                Session session = connectNow(endpoint, uri);
                if (!attempt.complete(session)) {
                    close(session);
                }
            } catch (RuntimeException | Error e) {
                attempt.completeExceptionally(e);
            }
        });
        try {
            attempt.get(handshakeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Settles the attempt unless it settled this very moment; either way it is read below.
            attempt.completeExceptionally(new AgentException(
                    Failure.CONNECTION,
                    "Cannot connect to " + uri.getAuthority() + ": no connection within " + handshakeTimeout.toMillis()
                            + " ms"));
        } catch (ExecutionException e) {
            // The attempt failed; its exception is rethrown below.
        } catch (InterruptedException e) {
            attempt.cancel(false);
            throw e;
        }
        if (attempt.state() == Future.State.SUCCESS) {
            return attempt.resultNow();
        }
        Throwable failure = attempt.exceptionNow();
        if (failure instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) failure;
    }

    private Session connectNow(Endpoint endpoint, URI uri) {
        trust.takeRefused();
        try {
            return client.connectToServer(
                    endpoint, ClientEndpointConfig.Builder.create().build(), uri);
        } catch (DeploymentException | IOException | RuntimeException e) {
            Fingerprint presented = trust.takeRefused();
            if (presented != null) {
                throw new AgentException(
                        Failure.FINGERPRINT_MISMATCH,
                        "The server at " + uri.getAuthority() + " presented the certificate " + presented
                                + ", but this agent trusts only " + trust.pinned()
                                + ". Nothing was sent. If the server's certificate was replaced on purpose, enroll"
                                + " again with its new fingerprint.",
                        e);
            }
            throw new AgentException(
                    Failure.CONNECTION, "Cannot connect to " + uri.getAuthority() + ": " + describe(e), e);
        }
    }

    private static void close(Session late) {
        try {
            late.close();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "closing a connection that opened too late failed: {0}", e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
