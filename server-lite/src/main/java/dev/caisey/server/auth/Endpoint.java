package dev.caisey.server.auth;

import dev.caisey.record.chain.Signatures;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * An enrolled endpoint and the one agent that speaks for it. Whether the agent is connected right now is not stored:
 * the connection layer knows that; this holds what lasts.
 *
 * @param id the endpoint's id
 * @param agentId the id its agent signs in with
 * @param organisationId the client organisation it belongs to
 * @param publicKey the agent's Ed25519 public key, base64 SubjectPublicKeyInfo DER
 * @param keyId the lower-case hex SHA-256 of that DER ({@link Signatures#keyId})
 * @param hostname its host name as last reported
 * @param os its operating system as last reported
 * @param agentVersion its agent's version as last reported
 * @param enrolledAt when it enrolled
 * @param lastSeenAt when its agent last signed in, or {@code null} if never since enrollment
 * @param revokedAt when an administrator revoked it, or {@code null}
 */
public record Endpoint(
        String id,
        String agentId,
        String organisationId,
        String publicKey,
        String keyId,
        String hostname,
        String os,
        String agentVersion,
        Instant enrolledAt,
        Instant lastSeenAt,
        Instant revokedAt) {
    /** Requires every member but the two optional times. */
    public Endpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }

    /** Whether the agent may no longer sign in. */
    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** The agent's public key. */
    public PublicKey key() {
        return Signatures.publicKey(publicKey);
    }
}
