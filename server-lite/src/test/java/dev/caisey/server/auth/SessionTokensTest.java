package dev.caisey.server.auth;

import static dev.caisey.server.auth.AccountsTest.assertCode;
import static dev.caisey.server.auth.AuthFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Sha256;
import dev.caisey.record.protocol.AccountRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTokensTest {
    @TempDir
    Path dir;

    private AuthFixture f;
    private Principal dana;

    @BeforeEach
    void open() {
        f = new AuthFixture(dir);
        dana = f.accounts
                .create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now())
                .principal();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void issuesTokensOf256RandomBitsInBase64Url() {
        String token = f.tokens.issue(dana, f.now()).token();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(f.tokens.issue(dana, f.now()).token()).isNotEqualTo(token);
    }

    @Test
    void storesOnlyTheSha256OfEachToken() throws Exception {
        String token = f.tokens.issue(dana, f.now()).token();

        assertThat(f.column("session_tokens", "token_hash"))
                .containsExactly(Sha256.hex(token.getBytes(StandardCharsets.UTF_8)));
        for (String column : new String[] {"token_hash", "user_id", "created_at", "expires_at"}) {
            assertThat(f.column("session_tokens", column)).noneMatch(value -> value.contains(token));
        }
    }

    @Test
    void aTokenExpiresAfterItsTimeToLive() {
        String token = f.tokens.issue(dana, f.now()).token();

        f.clock.advance(SessionTokens.TTL.minusSeconds(1));
        assertThat(f.tokens.authenticate(token, f.now())).isEqualTo(dana);
        f.clock.advance(Duration.ofSeconds(1));
        assertExpired(token);
    }

    @Test
    void resumesWithTheSameTokenAndItsOriginalExpiry() {
        SessionToken issued = f.tokens.issue(dana, f.now());
        f.clock.advance(Duration.ofHours(2));

        SessionToken resumed = f.tokens.resume(issued.token(), f.now());

        assertThat(resumed).isEqualTo(issued);
        f.clock.advance(SessionTokens.TTL);
        assertCode(() -> f.tokens.resume(issued.token(), f.now()), ErrorCode.UNAUTHENTICATED, SessionTokens.EXPIRED);
    }

    @Test
    void revokesOneTokenOrAllOfAnAccount() {
        String first = f.tokens.issue(dana, f.now()).token();
        String second = f.tokens.issue(dana, f.now()).token();
        String third = f.tokens.issue(dana, f.now()).token();

        assertThat(f.tokens.revoke(first)).isTrue();
        assertThat(f.tokens.revoke(first)).isFalse();
        assertExpired(first);
        assertThat(f.tokens.authenticate(second, f.now())).isEqualTo(dana);

        assertThat(f.tokens.revokeAll(dana.userId())).isEqualTo(2);
        assertExpired(second);
        assertExpired(third);
    }

    @Test
    void refusesTokensThatWereNeverIssuedInTheSameWords() {
        assertExpired("");
        assertExpired(null);
        assertExpired("not-a-token");
        assertExpired("x".repeat(10_000));
    }

    @Test
    void purgesExpiredTokens() throws Exception {
        f.tokens.issue(dana, f.now());
        f.clock.advance(Duration.ofHours(1));
        String fresh = f.tokens.issue(dana, f.now()).token();

        f.clock.advance(SessionTokens.TTL.minusMinutes(30));

        assertThat(f.tokens.purgeExpired(f.now())).isEqualTo(1);
        assertThat(f.column("session_tokens", "token_hash")).hasSize(1);
        assertThat(f.tokens.authenticate(fresh, f.now())).isEqualTo(dana);
    }

    private void assertExpired(String token) {
        assertCode(
                () -> f.tokens.authenticate(token, f.now()),
                ErrorCode.UNAUTHENTICATED,
                "Your sign-in has expired; sign in again.");
    }
}
