package dev.caisey.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.ServerException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareTokensTest {
    @TempDir
    Path dir;

    private AuthFixture f;
    private ShareTokens shares;
    private Principal dana;

    @BeforeEach
    void open() {
        f = new AuthFixture(dir);
        f.harbor();
        dana = f.accounts
                .create("dana", "Dana Reyes", AccountRole.TECHNICIAN, "harbor", AuthFixture.PASSWORD, f.now())
                .principal();
        shares = new ShareTokens(f.database);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aLinkOpensExactlyItsSessionUntilItExpires() {
        ShareTokens.NewShare share = shares.create("s-1", dana, Duration.ofDays(7), f.now());

        assertThat(shares.session(share.token(), f.now())).isEqualTo("s-1");
        f.clock.advance(Duration.ofDays(7));
        assertRefused(share.token());
    }

    @Test
    void aRevokedLinkStopsWorkingAndOnlyItsSessionsReaderMayRevokeIt() {
        ShareTokens.NewShare share = shares.create("s-1", dana, Duration.ofDays(7), f.now());

        assertThatThrownBy(() -> shares.revoke(share.id(), session -> false, f.now()))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("not one of yours");
        assertThat(shares.session(share.token(), f.now())).isEqualTo("s-1");
        shares.revoke(share.id(), session -> session.equals("s-1"), f.now());
        assertRefused(share.token());
    }

    @Test
    void storesOnlyTheHashAndRefusesEveryOtherTokenAlike() throws Exception {
        ShareTokens.NewShare share = shares.create("s-1", dana, Duration.ofHours(1), f.now());

        assertThat(f.column("share_tokens", "token_hash")).singleElement().isNotEqualTo(share.token());
        assertThat(share.toString()).doesNotContain(share.token());
        assertRefused(share.token() + "x");
        assertRefused("");
        assertRefused("a".repeat(10_000));
    }

    @Test
    void refusesALifetimeOutsideOneSecondToNinetyDays() {
        assertThatThrownBy(() -> shares.create("s-1", dana, Duration.ofDays(91), f.now()))
                .hasMessage("A share link lives from one second to 90 days.");
        assertThatThrownBy(() -> shares.create("s-1", dana, Duration.ZERO, f.now()))
                .isInstanceOf(ServerException.class);
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> shares.session(token, f.now()))
                .isInstanceOf(ServerException.class)
                .hasMessage(ShareTokens.NOT_VALID)
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }
}
