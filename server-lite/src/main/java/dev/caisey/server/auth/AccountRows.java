package dev.caisey.server.auth;

import dev.caisey.record.protocol.AccountRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reading {@link Account}s from the {@code users} table (never the password hash, which only sign-in reads). */
final class AccountRows {
    /** The columns {@link #account} reads. */
    static final String COLUMNS =
            "id, name, display_name, role, organisation_id, created_at, disabled, failed_attempts, locked_until";

    private AccountRows() {}

    /** The account with this (normalised) user name, inside the caller's transaction. */
    static Optional<Account> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        }
    }

    /** Reads the {@link #COLUMNS} of one row. */
    static Account account(ResultSet row) throws SQLException {
        return new Account(
                row.getString("id"),
                row.getString("name"),
                row.getString("display_name"),
                AccountRole.ofWireName(row.getString("role")),
                row.getString("organisation_id"),
                AuthSql.instant(row.getLong("created_at")),
                row.getBoolean("disabled"),
                row.getInt("failed_attempts"),
                AuthSql.optionalInstant(row, "locked_until"));
    }
}
