package dev.caisey.server.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Micros;
import dev.caisey.report.ReportException;
import dev.caisey.report.mail.SmtpSettings;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The mail server reports go out through, as an administrator set it ({@code caisey-server admin smtp-set}). The
 * settings live in the database; the password does not: the server is given it when it starts (an environment
 * variable or a file) and holds it only in memory, so a copy of the database reveals no secret.
 */
public final class SmtpConfig {
    /** The refusal while no mail server is set. */
    public static final String NOT_SET =
            "No mail server is set up for sending reports; an administrator sets one with caisey-server admin smtp-set.";

    private final Database database;
    private final Supplier<String> password;

    /** Settings in {@code database}, signed in with {@code password} (which may supply {@code null}: none given). */
    public SmtpConfig(Database database, Supplier<String> password) {
        this.database = database;
        this.password = password;
    }

    /**
     * Stores new settings in place of the old ones; their password, if any, is not stored.
     *
     * @throws ServerException with {@link ErrorCode#INTERNAL} if the database cannot be written
     */
    public void save(SmtpSettings settings, Instant now) {
        MailSql.durably(database, "keep the mail server settings", c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO smtp_settings (id, host, port, security,"
                    + " user_name, from_address, connect_timeout_millis, read_timeout_millis, updated_at)"
                    + " KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, settings.host());
                s.setInt(2, settings.port());
                s.setString(3, settings.security().wireName());
                if (settings.user() == null) {
                    s.setNull(4, Types.VARCHAR);
                } else {
                    s.setString(4, settings.user());
                }
                s.setString(5, settings.fromAddress());
                s.setInt(6, settings.connectTimeoutMillis());
                s.setInt(7, settings.readTimeoutMillis());
                s.setLong(8, Micros.of(now));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What is stored, in words for {@code admin smtp-show}, or empty if nothing is. */
    public Optional<String> describe() {
        return stored().map(s -> s.security().wireName() + " " + s.host() + ":" + s.port() + ", from "
                + s.fromAddress() + (s.user() == null ? ", no login" : ", login " + s.user())
                + ", timeouts " + s.connectTimeoutMillis() + " ms to connect, " + s.readTimeoutMillis()
                + " ms to read");
    }

    /**
     * The settings to send with now, password included.
     *
     * @throws ServerException with {@link ErrorCode#CONFLICT} if none are set, or a login has no password
     */
    public SmtpSettings current() {
        SmtpSettings stored = stored().orElseThrow(() -> new ServerException(ErrorCode.CONFLICT, NOT_SET));
        if (stored.user() == null) {
            return stored;
        }
        String secret = password.get();
        if (secret == null || secret.isEmpty()) {
            throw new ServerException(
                    ErrorCode.CONFLICT,
                    "The mail server login " + stored.user() + " has no password; start the server with"
                            + " CAISEY_SMTP_PASSWORD or --smtp-password-file.");
        }
        return stored.withLogin(stored.user(), secret);
    }

    /** The stored settings; a login among them carries a stand-in password, never the real one. */
    private Optional<SmtpSettings> stored() {
        return MailSql.read(database, "read the mail server settings", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT host, port, security, user_name, from_address,"
                            + " connect_timeout_millis, read_timeout_millis FROM smtp_settings WHERE id = 1");
                    ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String user = row.getString("user_name");
                try {
                    return Optional.of(new SmtpSettings(
                            row.getString("host"),
                            row.getInt("port"),
                            SmtpSettings.Security.ofWireName(row.getString("security")),
                            user,
                            user == null ? null : "(not stored)",
                            row.getString("from_address"),
                            row.getInt("connect_timeout_millis"),
                            row.getInt("read_timeout_millis")));
                } catch (ReportException e) {
                    throw new ServerException(
                            ErrorCode.INTERNAL, "The stored mail server settings are damaged; set them again.", e);
                }
            }
        });
    }
}
