package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * {@code agent.hello}: an enrolled agent proves who it is by answering the server's {@link AuthChallenge}.
 *
 * <p>The signature is Ed25519 over {@link #signedBytes(byte[], String)}: the ASCII bytes of {@value #CONTEXT}, one
 * zero byte, the {@link dev.caisey.record.Limits#NONCE_BYTES} nonce bytes of the challenge, then the UTF-8 bytes of {@code agentId}.
 * The context string keeps a signature made for this purpose from being valid for any other.
 *
 * @param agentId the id the agent was given in {@link AgentEnrolled}
 * @param signature the Ed25519 signature, base64 (standard alphabet, padded)
 * @param hostname the endpoint's host name now
 * @param os the endpoint's operating system now
 * @param agentVersion the agent's version now
 * @param clock the agent's clock when it signed, UTC microseconds (lets the server note clock skew)
 */
public record AgentHello(String agentId, String signature, String hostname, String os, String agentVersion, long clock)
        implements Message {
    /** The context string that starts the signed bytes. */
    public static final String CONTEXT = "caisey agent hello v1";

    /** Validates every member's shape (not the signature itself: see {@link #verify}). */
    public AgentHello {
        Require.id(agentId, "agentId");
        Checks.base64(signature, "signature", Limits.SIGNATURE_BYTES);
        Require.text(hostname, "hostname", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(os, "os", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(agentVersion, "agentVersion", Limits.MAX_ID_CHARS);
        Require.nonNegative(clock, "clock");
    }

    /** The bytes an agent signs to answer {@code nonce}; see the class comment. */
    public static byte[] signedBytes(byte[] nonce, String agentId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CONTEXT.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.writeBytes(nonce);
        out.writeBytes(agentId.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The hello an agent holding {@code key} sends to answer {@code nonce}. */
    public static AgentHello sign(
            PrivateKey key, String agentId, byte[] nonce, String hostname, String os, String agentVersion, long clock) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(signedBytes(nonce, agentId));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return new AgentHello(agentId, signature, hostname, os, agentVersion, clock);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the agent's key cannot sign with Ed25519", e);
        }
    }

    /** Whether this hello's signature was made by {@code key} over the challenge {@code nonce} and this agent id. */
    public boolean verify(PublicKey key, byte[] nonce) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signedBytes(nonce, agentId));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
