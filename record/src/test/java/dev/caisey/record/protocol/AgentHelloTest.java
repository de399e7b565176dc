package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.ProtocolCodecTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AgentHelloTest {
    private static final byte[] NONCE = Samples.bytes(Limits.NONCE_BYTES);

    @Test
    void signsTheContextAZeroByteTheNonceAndTheAgentId() {
        byte[] signed = AgentHello.signedBytes(NONCE, "agent-17");

        byte[] context = "caisey agent hello v1".getBytes(StandardCharsets.US_ASCII);
        assertThat(Arrays.copyOfRange(signed, 0, context.length)).isEqualTo(context);
        assertThat(signed[context.length]).isZero();
        assertThat(Arrays.copyOfRange(signed, context.length + 1, context.length + 33))
                .isEqualTo(NONCE);
        assertThat(new String(signed, context.length + 33, signed.length - context.length - 33, StandardCharsets.UTF_8))
                .isEqualTo("agent-17");
    }

    @Test
    void verifiesASignatureMadeByTheAgentsKey() throws GeneralSecurityException {
        AgentHello hello = hello("agent-17", sign(Samples.AGENT_KEY.getPrivate(), NONCE, "agent-17"));

        assertThat(hello.verify(Samples.AGENT_KEY.getPublic(), NONCE)).isTrue();
    }

    @Test
    void refusesASignatureOverAnotherNonceAnotherAgentOrByAnotherKey() throws GeneralSecurityException {
        byte[] otherNonce = NONCE.clone();
        otherNonce[0] ^= 1;
        PrivateKey otherKey =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();

        AgentHello replayed = hello("agent-17", sign(Samples.AGENT_KEY.getPrivate(), otherNonce, "agent-17"));
        AgentHello borrowed = hello("agent-18", sign(Samples.AGENT_KEY.getPrivate(), NONCE, "agent-17"));
        AgentHello forged = hello("agent-17", sign(otherKey, NONCE, "agent-17"));

        assertThat(replayed.verify(Samples.AGENT_KEY.getPublic(), NONCE)).isFalse();
        assertThat(borrowed.verify(Samples.AGENT_KEY.getPublic(), NONCE)).isFalse();
        assertThat(forged.verify(Samples.AGENT_KEY.getPublic(), NONCE)).isFalse();
    }

    @Test
    void signMakesAHelloThatVerifies() {
        AgentHello hello = AgentHello.sign(
                Samples.AGENT_KEY.getPrivate(),
                "agent-17",
                NONCE,
                "PRN-ACCT-01",
                "Windows 11 Pro",
                "0.1.0",
                Samples.AT);

        assertThat(hello.verify(Samples.AGENT_KEY.getPublic(), NONCE)).isTrue();
        assertThat(hello.signature()).isEqualTo(sign(Samples.AGENT_KEY.getPrivate(), NONCE, "agent-17"));
    }

    @Test
    void rejectsASignatureOfTheWrongLength() {
        assertRefused(
                () -> hello("agent-17", Samples.base64(63)),
                ErrorCode.INVALID,
                "signature must encode exactly 64 bytes; found 63");
    }

    private static AgentHello hello(String agentId, String signature) {
        return new AgentHello(agentId, signature, "PRN-ACCT-01", "Windows 11 Pro", "0.1.0", Samples.AT);
    }

    /** Signs by hand, independently of {@link AgentHello#sign}. */
    private static String sign(PrivateKey key, byte[] nonce, String agentId) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(AgentHello.signedBytes(nonce, agentId));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
