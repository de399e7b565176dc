package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.Require;

/**
 * {@code agent.enroll}: a new agent registers its public key with an enrollment token an administrator created; the
 * server answers with {@link AgentEnrolled}. The agent proves itself from then on with {@link AgentHello}.
 *
 * @param token the enrollment token (secret; never shown by {@link #toString()})
 * @param publicKey the agent's Ed25519 public key: base64 (standard alphabet, padded) X.509 SubjectPublicKeyInfo DER
 * @param hostname the endpoint's host name ("PRN-ACCT-01")
 * @param os the endpoint's operating system ("Windows 11 Pro 23H2")
 * @param agentVersion the agent's version ("0.1.0")
 */
public record AgentEnroll(String token, String publicKey, String hostname, String os, String agentVersion)
        implements Message {
    /** Validates every member; the public key must be an Ed25519 key. */
    public AgentEnroll {
        Require.text(token, "token", Limits.MAX_TOKEN_CHARS);
        Require.text(publicKey, "publicKey", Limits.MAX_PUBLIC_KEY_CHARS);
        Signatures.publicKey(publicKey);
        Require.text(hostname, "hostname", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(os, "os", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(agentVersion, "agentVersion", Limits.MAX_ID_CHARS);
    }

    /** Every member but the token. */
    @Override
    public String toString() {
        return "AgentEnroll[token=" + Checks.REDACTED + ", publicKey=" + publicKey + ", hostname=" + hostname + ", os="
                + os + ", agentVersion=" + agentVersion + "]";
    }
}
