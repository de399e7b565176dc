package dev.caisey.server.auth;

import static dev.caisey.server.auth.AccountsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentAuthenticatorTest {
    @TempDir
    Path dir;

    private AuthFixture f;
    private AgentAuthenticator authenticator;
    private KeyPair keys;
    private Endpoint endpoint;

    @BeforeEach
    void enroll() throws Exception {
        f = new AuthFixture(dir);
        f.harbor();
        authenticator = new AgentAuthenticator(f.endpoints, f.clock);
        keys = EnrollmentTest.ed25519();
        String token = f.enrollment
                .createEnrollmentToken("harbor", Duration.ofHours(1), f.now())
                .token();
        endpoint = f.enrollment.enroll(
                token, Signatures.encode(keys.getPublic()), "PRN-ACCT-01", "Windows 11 Pro", "0.1.0", f.now());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void issuesFreshRandomNoncesOfThirtyTwoBytes() {
        AuthChallenge first = authenticator.challenge();
        AuthChallenge second = authenticator.challenge();

        assertThat(first.nonceBytes()).hasSize(32);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(authenticator.pendingChallenges()).isEqualTo(2);
    }

    @Test
    void acceptsAHelloSignedWithTheEnrolledKey() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();

        Endpoint verified = authenticator.verify(endpoint.agentId(), nonce, hello(keys.getPrivate(), nonce));

        assertThat(verified).isEqualTo(endpoint);
        assertThat(authenticator.pendingChallenges()).isZero();
    }

    @Test
    void refusesAForgedSignature() {
        byte[] nonce = authenticator.challenge().nonceBytes();
        byte[] forged = new byte[64];
        new SecureRandom().nextBytes(forged);
        AgentHello hello =
                new AgentHello(endpoint.agentId(), Base64.getEncoder().encodeToString(forged), "h", "os", "0.1.0", 1L);

        assertRefused(() -> authenticator.verify(endpoint.agentId(), nonce, hello));
    }

    @Test
    void refusesASignatureMadeWithAnotherKey() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();
        AgentHello hello = hello(EnrollmentTest.ed25519().getPrivate(), nonce);

        assertRefused(() -> authenticator.verify(endpoint.agentId(), nonce, hello));
    }

    @Test
    void refusesAReplayedNonceEvenWithAValidSignature() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();
        AgentHello hello = hello(keys.getPrivate(), nonce);
        authenticator.verify(endpoint.agentId(), nonce, hello);

        assertChallengeInvalid(() -> authenticator.verify(endpoint.agentId(), nonce, hello));
    }

    @Test
    void aWrongAnswerUsesTheNonceUpToo() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();
        assertRefused(() -> authenticator.verify(
                endpoint.agentId(), nonce, hello(EnrollmentTest.ed25519().getPrivate(), nonce)));

        assertChallengeInvalid(() -> authenticator.verify(endpoint.agentId(), nonce, hello(keys.getPrivate(), nonce)));
    }

    @Test
    void refusesANonceTheServerNeverIssued() throws Exception {
        byte[] nonce = new byte[32];
        new SecureRandom().nextBytes(nonce);

        assertChallengeInvalid(() -> authenticator.verify(endpoint.agentId(), nonce, hello(keys.getPrivate(), nonce)));
    }

    @Test
    void refusesAnAnswerThatComesTooLate() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();
        AgentHello hello = hello(keys.getPrivate(), nonce);
        f.clock.advance(AgentAuthenticator.CHALLENGE_TTL);

        assertChallengeInvalid(() -> authenticator.verify(endpoint.agentId(), nonce, hello));
    }

    @Test
    void refusesARevokedAgent() throws Exception {
        f.endpoints.revoke(endpoint.id(), f.now());
        byte[] nonce = authenticator.challenge().nonceBytes();

        assertRefused(() -> authenticator.verify(endpoint.agentId(), nonce, hello(keys.getPrivate(), nonce)));
    }

    @Test
    void refusesAnUnknownAgent() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();
        AgentHello hello = sign("ghost-agent", keys.getPrivate(), nonce);

        assertRefused(() -> authenticator.verify("ghost-agent", nonce, hello));
    }

    @Test
    void refusesAHelloThatNamesAnotherAgentThanTheConnection() throws Exception {
        byte[] nonce = authenticator.challenge().nonceBytes();
        AgentHello hello = sign("other-agent", keys.getPrivate(), nonce);

        assertRefused(() -> authenticator.verify(endpoint.agentId(), nonce, hello));
    }

    private AgentHello hello(PrivateKey key, byte[] nonce) throws Exception {
        return sign(endpoint.agentId(), key, nonce);
    }

    private static AgentHello sign(String agentId, PrivateKey key, byte[] nonce) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(AgentHello.signedBytes(nonce, agentId));
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        return new AgentHello(agentId, signature, "PRN-ACCT-01", "Windows 11 Pro", "0.1.0", 1_764_083_732_000_000L);
    }

    private static void assertRefused(ThrowingCallable verify) {
        assertCode(verify, ErrorCode.UNAUTHENTICATED, AgentAuthenticator.REFUSED);
    }

    private static void assertChallengeInvalid(ThrowingCallable verify) {
        assertCode(verify, ErrorCode.UNAUTHENTICATED, AgentAuthenticator.CHALLENGE_INVALID);
    }
}
