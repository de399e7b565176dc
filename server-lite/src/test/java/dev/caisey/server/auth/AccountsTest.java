package dev.caisey.server.auth;

import static dev.caisey.server.auth.AuthFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.ServerException;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {
    @TempDir
    Path dir;

    private AuthFixture f;

    @BeforeEach
    void open() {
        f = new AuthFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void createsAndListsAccountsWithoutTheirPasswords() {
        f.harbor();
        f.accounts.create("Dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
        f.accounts.create("mo", "Mo Patel", AccountRole.MANAGER, "harbor", PASSWORD, f.now());

        assertThat(f.accounts.list())
                .extracting(Account::user, Account::displayName, Account::role, Account::organisationId)
                .containsExactly(
                        tuple("dana", "Dana Reyes", AccountRole.TECHNICIAN, null),
                        tuple("mo", "Mo Patel", AccountRole.MANAGER, "harbor"));
        assertThat(f.accounts.count()).isEqualTo(2);
        assertThat(f.accounts.find("DANA")).map(Account::createdAt).contains(f.now());
    }

    @Test
    void refusesBadNewAccounts() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());

        assertCode(() -> create("Dana"), ErrorCode.CONFLICT, "There is already an account named 'dana'.");
        assertCode(() -> create("no spaces"), ErrorCode.INVALID, "A user name must be 1 to 64 letters");
        assertCode(() -> create("x".repeat(65)), ErrorCode.INVALID, "A user name must be 1 to 64 letters");
        assertCode(
                () -> f.accounts.create("lee", "Lee", AccountRole.TECHNICIAN, null, "short", f.now()),
                ErrorCode.INVALID,
                "The password must be at least 12 characters long.");
        assertCode(
                () -> f.accounts.create("lee", "Lee", AccountRole.MANAGER, "nowhere", PASSWORD, f.now()),
                ErrorCode.NOT_FOUND,
                "There is no organisation 'nowhere'.");
        assertCode(
                () -> f.accounts.create("root", "Root", AccountRole.ADMINISTRATOR, "harbor", PASSWORD, f.now()),
                ErrorCode.INVALID,
                "An administrator works for every organisation");
        assertThat(f.accounts.count()).isEqualTo(1);
    }

    @Test
    void signsInWithTheRightPasswordAndIssuesAWorkingToken() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());

        SessionToken token = f.accounts.login("Dana", PASSWORD, f.now());

        assertThat(token.expiresAt()).isEqualTo(f.now().plus(SessionTokens.TTL));
        assertThat(token.toString()).doesNotContain(token.token());
        Principal principal = f.tokens.authenticate(token.token(), f.now());
        assertThat(principal.user()).isEqualTo("dana");
        assertThat(principal.displayName()).isEqualTo("Dana Reyes");
        assertThat(principal.role()).isEqualTo(AccountRole.TECHNICIAN);
        assertThat(principal.mayAccess("any-organisation")).isTrue();
    }

    @Test
    void answersAWrongPasswordAndAnUnknownUserAlike() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());

        assertRefused(() -> f.accounts.login("dana", "wrong password!", f.now()));
        assertRefused(() -> f.accounts.login("nobody", PASSWORD, f.now()));
        assertRefused(() -> f.accounts.login("", PASSWORD, f.now()));
        assertRefused(() -> f.accounts.login("dana", "x".repeat(5_000), f.now()));
    }

    @Test
    void locksAnAccountAfterFiveFailuresEvenAgainstTheRightPassword() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
        for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
            assertRefused(() -> f.accounts.login("dana", "guess number " + Math.random(), f.now()));
            f.clock.advance(Duration.ofSeconds(10));
        }
        assertThat(f.accounts.find("dana").orElseThrow().isLocked(f.now())).isTrue();

        assertRefused(() -> f.accounts.login("dana", PASSWORD, f.now()));
        f.clock.advance(Accounts.LOCKOUT.minusSeconds(60));
        assertRefused(() -> f.accounts.login("dana", PASSWORD, f.now()));

        f.clock.advance(Duration.ofSeconds(60));
        assertThat(f.accounts.login("dana", PASSWORD, f.now()).principal().user())
                .isEqualTo("dana");
        Account after = f.accounts.find("dana").orElseThrow();
        assertThat(after.failedAttempts()).isZero();
        assertThat(after.lockedUntil()).isNull();
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
        for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS - 1; i++) {
            assertRefused(() -> f.accounts.login("dana", "wrong password!", f.now()));
        }
        f.accounts.login("dana", PASSWORD, f.now());
        assertRefused(() -> f.accounts.login("dana", "wrong password!", f.now()));

        assertThat(f.accounts.find("dana").orElseThrow().failedAttempts()).isEqualTo(1);
        assertThat(f.accounts.find("dana").orElseThrow().isLocked(f.now())).isFalse();
    }

    @Test
    void disablingAnAccountSignsItOutAndKeepsItOut() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
        SessionToken token = f.accounts.login("dana", PASSWORD, f.now());

        f.accounts.disable("dana");

        assertThatThrownBy(() -> f.tokens.authenticate(token.token(), f.now())).hasMessage(SessionTokens.EXPIRED);
        assertRefused(() -> f.accounts.login("dana", PASSWORD, f.now()));
        f.accounts.enable("dana");
        assertThat(f.accounts.login("dana", PASSWORD, f.now())).isNotNull();
        assertCode(() -> f.accounts.disable("nobody"), ErrorCode.NOT_FOUND, "There is no account named 'nobody'.");
    }

    @Test
    void resettingAPasswordLiftsTheLockAndSignsTheAccountOutEverywhere() {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
        SessionToken token = f.accounts.login("dana", PASSWORD, f.now());
        for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
            assertRefused(() -> f.accounts.login("dana", "wrong password!", f.now()));
        }

        f.accounts.resetPassword("dana", "a brand new passphrase");

        assertThatThrownBy(() -> f.tokens.authenticate(token.token(), f.now())).hasMessage(SessionTokens.EXPIRED);
        assertRefused(() -> f.accounts.login("dana", PASSWORD, f.now()));
        assertThat(f.accounts.login("dana", "a brand new passphrase", f.now())).isNotNull();
    }

    @Test
    void replacesAHashMadeWithOldCostsAtTheNextSignIn() throws Exception {
        f.accounts.create("dana", "Dana Reyes", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
        assertThat(f.column("users", "password_hash"))
                .singleElement()
                .asString()
                .contains("$m=64,t=1,p=1$");
        Accounts stronger = new Accounts(f.database, new PasswordHasher(128, 2, 1), f.tokens);

        stronger.login("dana", PASSWORD, f.now());

        assertThat(f.column("users", "password_hash"))
                .singleElement()
                .asString()
                .contains("$m=128,t=2,p=1$");
        assertThat(stronger.login("dana", PASSWORD, f.now())).isNotNull();
    }

    @Test
    void makesRandomPasswordsThePolicyAccepts() {
        String password = Accounts.randomPassword();

        assertThat(password).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(Accounts.randomPassword());
        f.accounts.create("admin", "Administrator", AccountRole.ADMINISTRATOR, null, password, f.now());
        assertThat(f.accounts.login("admin", password, f.now()).principal().role())
                .isEqualTo(AccountRole.ADMINISTRATOR);
    }

    private void create(String user) {
        f.accounts.create(user, "Someone", AccountRole.TECHNICIAN, null, PASSWORD, f.now());
    }

    private static void assertRefused(ThrowingCallable login) {
        assertCode(login, ErrorCode.UNAUTHENTICATED, Accounts.REFUSED);
    }

    static void assertCode(ThrowingCallable call, ErrorCode code, String messageStart) {
        assertThatThrownBy(call)
                .isInstanceOf(ServerException.class)
                .hasMessageStartingWith(messageStart)
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(code);
    }
}
