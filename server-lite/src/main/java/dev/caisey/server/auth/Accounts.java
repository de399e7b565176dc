package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Console accounts: created and managed by an administrator, signed in with a password. After {@link
 * #MAX_FAILED_ATTEMPTS} wrong passwords in a row an account refuses every sign-in, right password or not, for {@link
 * #LOCKOUT}. A refused sign-in always gets the same words, so nobody learns from them whether
 * an account exists or is locked. Thread-safe.
 */
public final class Accounts {
    /** Shortest password accepted for a new account or a reset (OWASP ASVS: at least 12). */
    public static final int MIN_PASSWORD_CHARS = 12;

    /** Random bytes in a {@link #randomPassword()}: 144 bits. */
    public static final int RANDOM_PASSWORD_BYTES = 18;

    /** Wrong passwords in a row that lock an account. */
    public static final int MAX_FAILED_ATTEMPTS = 5;

    /** How long a locked account refuses every sign-in. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    /** The one answer to every refused sign-in; it does not say whether the account exists or is locked. */
    public static final String REFUSED = "The user name or password is wrong, or the account is locked for "
            + LOCKOUT.toMinutes() + " minutes after " + MAX_FAILED_ATTEMPTS + " failed sign-ins; check them and"
            + " try again later, or ask your administrator.";

    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());

    private final Database database;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final SignInLockout lockout;

    /** Accounts kept in {@code database}, signing in with {@code tokens}. */
    public Accounts(Database database, PasswordHasher hasher, SessionTokens tokens) {
        this.database = database;
        this.hasher = hasher;
        this.tokens = tokens;
        this.lockout = new SignInLockout(database, hasher);
    }

    /**
     * Creates an account.
     *
     * @param user the user name: 1 to 64 letters, digits, '.', '_', '@' or '-' (kept in lower case)
     * @param organisationId the one organisation it works for, or {@code null} for all (administrators: always all)
     * @throws ServerException {@code INVALID} for a bad name or short password, {@code CONFLICT} if the name is
     *     taken, {@code NOT_FOUND} if the organisation does not exist
     */
    public Account create(
            String user, String displayName, AccountRole role, String organisationId, String password, Instant now) {
        String name = UserNames.require(user);
        Inputs.text(displayName, "displayName", Limits.MAX_SHORT_TEXT_CHARS);
        if (role == AccountRole.ADMINISTRATOR && organisationId != null) {
            throw Inputs.invalid("An administrator works for every organisation; leave the organisation out.");
        }
        String hash = hasher.hash(requirePassword(password));
        Account account = new Account(Secrets.newId(), name, displayName, role, organisationId, now, false, 0, null);
        AuthSql.durably(database, "create the account", c -> {
            if (AccountRows.find(c, name).isPresent()) {
                throw new ServerException(ErrorCode.CONFLICT, "There is already an account named '" + name + "'.");
            }
            if (organisationId != null) {
                Organisations.require(c, organisationId);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO users (id, name, display_name, role,"
                    + " organisation_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, account.id());
                s.setString(2, name);
                s.setString(3, displayName);
                s.setString(4, role.wireName());
                s.setString(5, organisationId);
                s.setString(6, hash);
                s.setLong(7, AuthSql.micros(now));
                return s.executeUpdate();
            }
        });
        LOG.log(Level.INFO, "created {0} account {1}", role.wireName(), name);
        return account;
    }

    /**
     * A new random password of {@value #RANDOM_PASSWORD_BYTES} bytes in base64url (24 characters), for the first
     * administrator's one-time password or a reset an administrator hands on.
     */
    public static String randomPassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(RANDOM_PASSWORD_BYTES));
    }

    /** Every account, by user name. */
    public List<Account> list() {
        return AuthSql.transaction(database, "list the accounts", c -> {
            List<Account> accounts = new ArrayList<>();
            try (PreparedStatement s =
                            c.prepareStatement("SELECT " + AccountRows.COLUMNS + " FROM users ORDER BY name");
                    ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    accounts.add(AccountRows.account(row));
                }
            }
            return accounts;
        });
    }

    /** The account with this user name, if there is one. */
    public Optional<Account> find(String user) {
        if (!UserNames.plausible(user)) {
            return Optional.empty();
        }
        return AuthSql.transaction(database, "find the account", c -> AccountRows.find(c, UserNames.normalise(user)));
    }

    /** How many accounts exist (none on a fresh server, which then creates its first administrator). */
    public int count() {
        return AuthSql.transaction(database, "count the accounts", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM users");
                    ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }

    /** Switches an account off and signs it out everywhere. */
    public void disable(String user) {
        setDisabled(user, true);
    }

    /** Switches a disabled account on again. */
    public void enable(String user) {
        setDisabled(user, false);
    }

    /** Sets a new password, lifts any lockout and signs the account out everywhere. */
    public void resetPassword(String user, String newPassword) {
        String hash = hasher.hash(requirePassword(newPassword));
        Account account = require(user);
        AuthSql.durably(database, "reset the password", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, failed_attempts = 0," + " locked_until = NULL WHERE id = ?")) {
                s.setString(1, hash);
                s.setString(2, account.id());
                s.executeUpdate();
            }
            return SessionTokens.revokeAll(c, account.id());
        });
        LOG.log(Level.INFO, "reset the password of account {0}", account.user());
    }

    /**
     * Signs in with a user name and password and issues a {@link SessionToken}.
     *
     * @throws ServerException with {@link ErrorCode#UNAUTHENTICATED} and {@link #REFUSED} for an
     *     unknown user, a wrong password, a locked or a disabled account alike
     */
    public SessionToken login(String user, String password, Instant now) {
        Account account = lockout.check(user, password, now);
        return tokens.issue(account.principal(), now);
    }

    private void setDisabled(String user, boolean disabled) {
        Account account = require(user);
        AuthSql.durably(database, disabled ? "disable the account" : "enable the account", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET disabled = ? WHERE id = ?")) {
                s.setBoolean(1, disabled);
                s.setString(2, account.id());
                s.executeUpdate();
            }
            return disabled ? SessionTokens.revokeAll(c, account.id()) : 0;
        });
        LOG.log(Level.INFO, "{0} account {1}", disabled ? "disabled" : "enabled", account.user());
    }

    private Account require(String user) {
        return find(user)
                .orElseThrow(() -> new ServerException(
                        ErrorCode.NOT_FOUND, "There is no account named '" + UserNames.shown(user) + "'."));
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_CHARS) {
            throw Inputs.invalid("The password must be at least " + MIN_PASSWORD_CHARS + " characters long.");
        }
        if (password.length() > Limits.MAX_PASSWORD_CHARS) {
            throw Inputs.invalid("The password must be at most " + Limits.MAX_PASSWORD_CHARS + " characters long.");
        }
        return password;
    }
}
