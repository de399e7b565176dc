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
import java.net.URI;
import java.time.Duration;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Opens WebSocket connections to the server with the Tyrus client over TLS that trusts only the pinned certificate
 * (host names are not checked: the pin already says which server this is). One client, on Tyrus's shared container,
 * serves every connection of the agent's life, so reconnecting never adds threads.
 */
public final class Dialer {
    /** Largest text message accepted: twice the protocol's limit, so a too-large frame is refused by the codec (and
     * logged) rather than by the transport. */
    public static final int MAX_TEXT_MESSAGE_BYTES = Limits.MAX_MESSAGE_BYTES * 2;

    private final ClientManager client;
    private final PinnedTrust trust;

    /** A dialer trusting only {@code pinned}, giving up on a handshake after {@code handshakeTimeout}. */
    public Dialer(Fingerprint pinned, Duration handshakeTimeout) {
        this.trust = new PinnedTrust(pinned);
        this.client = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(trust.sslContext(), true, false, false);
        ssl.setHostVerificationEnabled(false);
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, handshakeTimeout.toMillis());
        client.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
    }

    /**
     * Connects {@code endpoint} to {@code uri}.
     *
     * @throws AgentException with {@link Failure#FINGERPRINT_MISMATCH} if the server showed another certificate, or
     *     {@link Failure#CONNECTION} for any other failure (worth retrying)
     */
    public Session connect(Endpoint endpoint, URI uri) {
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

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
