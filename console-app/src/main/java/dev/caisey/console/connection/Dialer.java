package dev.caisey.console.connection;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.PinnedTrust;
import dev.caisey.console.trust.Problems;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens the console's WebSocket with the Tyrus client over TLS that trusts only the pinned certificate. As in the
 * agent, each attempt runs on its own virtual thread and is given up on at the handshake deadline, because Tyrus waits
 * a fixed 30 s for TCP and TLS whatever its handshake timeout says; a session that opens after the deadline is closed.
 */
final class Dialer {
    private static final System.Logger LOG = System.getLogger(Dialer.class.getName());

    private final ClientManager client;
    private final PinnedTrust trust;
    private final Duration handshakeTimeout;
    private final BiFunction<Fingerprint, Fingerprint, ConsoleException> mismatch;

    /**
     * A dialer trusting only {@code pinned}; {@code mismatch} words the refusal of another certificate from the
     * pinned and the presented fingerprint.
     */
    Dialer(
            Fingerprint pinned,
            Duration handshakeTimeout,
            BiFunction<Fingerprint, Fingerprint, ConsoleException> mismatch) {
        this.trust = new PinnedTrust(pinned);
        this.handshakeTimeout = handshakeTimeout;
        this.mismatch = mismatch;
        this.client = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(trust.sslContext(), true, false, false);
        ssl.setHostVerificationEnabled(false);
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        // Tyrus reads this as an Integer only and falls back to 30 s for any other type.
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, Math.toIntExact(handshakeTimeout.toMillis()));
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    }

    /**
     * Connects {@code endpoint} to the server's console path within the handshake timeout.
     *
     * @throws ConsoleException with {@link Failure#UNTRUSTED} if the server showed another certificate, or {@link
     *     Failure#CONNECTION} for any other failure, including no connection in time
     */
    Session connect(Endpoint endpoint, ServerAddress server) throws InterruptedException {
        CompletableFuture<Session> attempt = new CompletableFuture<>();
        Thread.ofVirtual().name("console-connect").start(() -> {
            try {
                Session session = connectNow(endpoint, server);
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
            attempt.completeExceptionally(new ConsoleException(
                    Failure.CONNECTION,
                    "no connection to " + server.key() + " within " + handshakeTimeout.toMillis() + " ms"));
        } catch (ExecutionException e) {
            // rethrown below
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

    private Session connectNow(Endpoint endpoint, ServerAddress server) {
        try {
            return client.connectToServer(
                    endpoint, ClientEndpointConfig.Builder.create().build(), server.webSocket());
        } catch (DeploymentException | IOException | RuntimeException e) {
            if (trust.refusedLast()) {
                throw mismatch.apply(trust.pinned(), trust.presented());
            }
            throw new ConsoleException(
                    Failure.CONNECTION, "cannot connect to " + server.key() + ": " + Problems.describe(e), e);
        }
    }

    private static void close(Session late) {
        try {
            late.close();
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "closing a connection that opened too late failed: {0}", e.getMessage());
        }
    }
}
