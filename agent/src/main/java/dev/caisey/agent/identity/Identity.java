package dev.caisey.agent.identity;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import java.net.URI;
import java.security.PrivateKey;

/**
 * Who this agent is and whom it trusts: what enrollment stores and every later connection uses.
 *
 * @param agentId the id the server gave the agent
 * @param endpointId the id of the endpoint it runs on
 * @param server the server's address, {@code wss://HOST:PORT}
 * @param fingerprint the pinned SHA-256 fingerprint of the server's certificate
 * @param privateKey the agent's Ed25519 private key (secret; never shown by {@link #toString()})
 */
public record Identity(String agentId, String endpointId, URI server, Fingerprint fingerprint, PrivateKey privateKey) {
    /** The WebSocket path agents connect to on the server. */
    public static final String AGENT_PATH = "/ws/agent";

    /** Every member but the key. */
    @Override
    public String toString() {
        return "Identity[agentId=" + agentId + ", endpointId=" + endpointId + ", server=" + server + ", fingerprint="
                + fingerprint + "]";
    }

    /** The agents' WebSocket address on {@code server}. */
    public URI agentUri() {
        return agentUri(server);
    }

    /**
     * The agents' WebSocket address on a server given as {@code wss://HOST:PORT}.
     *
     * @throws AgentException with {@link Failure#IDENTITY_STORE} for anything but a {@code wss} address with a host
     */
    public static URI agentUri(URI server) {
        if (!"wss".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            throw new AgentException(
                    Failure.IDENTITY_STORE, "The server address must look like wss://HOST:PORT; got " + server + ".");
        }
        int port = server.getPort() < 0 ? 443 : server.getPort();
        return URI.create("wss://" + server.getRawAuthority().replaceAll(":\\d+$", "") + ":" + port + AGENT_PATH);
    }
}
