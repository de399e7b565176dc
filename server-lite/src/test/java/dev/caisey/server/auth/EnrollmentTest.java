package dev.caisey.server.auth;

import static dev.caisey.server.auth.AccountsTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Sha256;
import dev.caisey.record.chain.Signatures;
import dev.caisey.server.ServerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentTest {
    @TempDir
    Path dir;

    private AuthFixture f;

    @BeforeEach
    void open() {
        f = new AuthFixture(dir);
        f.harbor();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void enrollsAnAgentWithARealEd25519Key() throws Exception {
        NewEnrollmentToken token = f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(24), f.now());
        PublicKey key = ed25519().getPublic();

        Endpoint endpoint = enroll(token.token(), key);

        assertThat(endpoint.organisationId()).isEqualTo("harbor");
        assertThat(endpoint.keyId()).isEqualTo(Signatures.keyId(key));
        assertThat(endpoint.key()).isEqualTo(key);
        assertThat(endpoint.hostname()).isEqualTo("PRN-ACCT-01");
        assertThat(endpoint.enrolledAt()).isEqualTo(f.now());
        assertThat(endpoint.lastSeenAt()).isNull();
        assertThat(f.endpoints.findByAgent(endpoint.agentId())).contains(endpoint);
        assertThat(f.enrollment.listTokens())
                .singleElement()
                .extracting(EnrollmentToken::uses)
                .isEqualTo(1);
    }

    @Test
    void showsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
        NewEnrollmentToken token = f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(24), f.now());

        assertThat(token.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.toString()).doesNotContain(token.token());
        assertThat(f.column("enrollment_tokens", "token_hash"))
                .containsExactly(Sha256.hex(token.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(f.enrollment.listTokens()).containsExactly(token.info());
        assertThat(token.info().maxUses()).isEqualTo(Enrollment.DEFAULT_MAX_USES);
        assertThat(token.info().expiresAt()).isEqualTo(f.now().plus(Duration.ofHours(24)));
    }

    @Test
    void aSingleUseTokenEnrollsOneAgentOnly() throws Exception {
        String token = f.enrollment
                .createEnrollmentToken("harbor", Duration.ofHours(1), f.now())
                .token();
        enroll(token, ed25519().getPublic());

        assertNotValid(() -> enroll(token, ed25519().getPublic()));
    }

    @Test
    void aMultiUseTokenEnrollsUpToItsLimit() throws Exception {
        NewEnrollmentToken token = f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(1), 3, f.now());
        for (int i = 0; i < 3; i++) {
            enroll(token.token(), ed25519().getPublic());
        }

        assertNotValid(() -> enroll(token.token(), ed25519().getPublic()));
        assertThat(f.endpoints.listByOrganisation("harbor")).hasSize(3);
        assertThat(f.enrollment.listTokens()).singleElement().satisfies(t -> {
            assertThat(t.uses()).isEqualTo(3);
            assertThat(t.isUsable(f.now())).isFalse();
        });
    }

    @Test
    void parallelEnrollmentsNeverExceedTheLimit() throws Exception {
        String token = f.enrollment
                .createEnrollmentToken("harbor", Duration.ofHours(1), 3, f.now())
                .token();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PublicKey key = ed25519().getPublic();
            attempts.add(() -> {
                try {
                    enroll(token, key);
                    return true;
                } catch (ServerException e) {
                    return false;
                }
            });
        }
        List<Boolean> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(3);
        assertThat(f.endpoints.listByOrganisation("harbor")).hasSize(3);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = f.enrollment
                .createEnrollmentToken("harbor", Duration.ofHours(1), f.now())
                .token();
        f.clock.advance(Duration.ofHours(1));

        assertNotValid(() -> enroll(token, ed25519().getPublic()));
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        NewEnrollmentToken token = f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(1), 5, f.now());
        f.enrollment.revokeToken(token.info().id(), f.now());

        assertNotValid(() -> enroll(token.token(), ed25519().getPublic()));
        assertThat(f.enrollment.listTokens())
                .singleElement()
                .extracting(EnrollmentToken::revokedAt)
                .isEqualTo(f.now());
        assertCode(() -> f.enrollment.revokeToken("nope", f.now()), ErrorCode.NOT_FOUND, "There is no enrollment");
    }

    @Test
    void anUnknownTokenIsRefusedInTheSameWords() throws Exception {
        PublicKey key = ed25519().getPublic();

        assertNotValid(() -> enroll("made-up-token", key));
        assertNotValid(() -> enroll("", key));
    }

    @Test
    void refusesAKeyThatIsNotEd25519() throws Exception {
        String token = f.enrollment
                .createEnrollmentToken("harbor", Duration.ofHours(1), f.now())
                .token();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        String ecKey = Base64.getEncoder()
                .encodeToString(ec.generateKeyPair().getPublic().getEncoded());

        assertCode(
                () -> f.enrollment.enroll(token, ecKey, "PRN-ACCT-01", "Windows 11 Pro", "0.1.0", f.now()),
                ErrorCode.INVALID,
                "publicKey is not an Ed25519 SubjectPublicKeyInfo");
        assertCode(
                () -> f.enrollment.enroll(token, "%%%", "PRN-ACCT-01", "Windows 11 Pro", "0.1.0", f.now()),
                ErrorCode.INVALID,
                "publicKey is not canonical base64");
        assertThat(f.enrollment.listTokens())
                .singleElement()
                .extracting(EnrollmentToken::uses)
                .isEqualTo(0);
    }

    @Test
    void refusesAKeyThatIsEnrolledAlreadyWithoutTakingAUse() throws Exception {
        NewEnrollmentToken token = f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(1), 2, f.now());
        PublicKey key = ed25519().getPublic();
        enroll(token.token(), key);

        assertCode(() -> enroll(token.token(), key), ErrorCode.CONFLICT, "This agent's key is enrolled already");
        assertThat(f.enrollment.listTokens())
                .singleElement()
                .extracting(EnrollmentToken::uses)
                .isEqualTo(1);
    }

    @Test
    void refusesTokensForUnknownOrganisationsAndOddLifetimes() {
        assertCode(
                () -> f.enrollment.createEnrollmentToken("nowhere", Duration.ofHours(1), f.now()),
                ErrorCode.NOT_FOUND,
                "There is no organisation 'nowhere'.");
        assertCode(
                () -> f.enrollment.createEnrollmentToken("harbor", Duration.ZERO, f.now()),
                ErrorCode.INVALID,
                "An enrollment token must expire after more than 0 and at most 30 days");
        assertCode(
                () -> f.enrollment.createEnrollmentToken("harbor", Duration.ofDays(31), f.now()),
                ErrorCode.INVALID,
                "An enrollment token must expire");
        assertCode(
                () -> f.enrollment.createEnrollmentToken("harbor", Duration.ofHours(1), 0, f.now()),
                ErrorCode.INVALID,
                "An enrollment token must allow 1 to 10000 enrollments; found 0.");
        assertThat(f.enrollment.listTokens()).isEmpty();
    }

    private Endpoint enroll(String token, PublicKey key) {
        return f.enrollment.enroll(
                token, Signatures.encode(key), "PRN-ACCT-01", "Windows 11 Pro 23H2", "0.1.0", f.now());
    }

    private static void assertNotValid(ThrowingCallable enroll) {
        assertCode(enroll, ErrorCode.UNAUTHENTICATED, Enrollment.NOT_VALID);
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
