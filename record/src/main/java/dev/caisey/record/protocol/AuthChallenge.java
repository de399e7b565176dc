package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import java.util.Base64;

/**
 * {@code auth.challenge}: the server's first message to a connecting agent; the agent answers with an {@link
 * AgentHello} whose signature covers this nonce. A nonce is used for one connection only.
 *
 * @param nonce {@link dev.caisey.record.Limits#NONCE_BYTES} random bytes, base64 (standard alphabet, padded)
 */
public record AuthChallenge(String nonce) implements Message {
    /** Validates every member. */
    public AuthChallenge {
        Checks.base64(nonce, "nonce", Limits.NONCE_BYTES);
    }

    /** A challenge for the given random bytes. */
    public static AuthChallenge of(byte[] nonce) {
        return new AuthChallenge(Base64.getEncoder().encodeToString(nonce));
    }

    /** The nonce's bytes. */
    public byte[] nonceBytes() {
        return Base64.getDecoder().decode(nonce);
    }
}
