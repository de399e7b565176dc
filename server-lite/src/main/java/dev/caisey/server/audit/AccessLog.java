package dev.caisey.server.audit;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The access log ("audit the auditors"): every export, e-mail and share link of a session's record, and every view of
 * a share page, with who, when and what. Each entry is on disk (fsync'd) before {@link #record} returns, so whoever
 * was told that something happened can rely on it being logged. Entries are only ever added. Thread-safe.
 *
 * <p>Details never hold a secret: a share link is named by its id, never by its token.
 */
public final class AccessLog {
    private static final String COLUMNS = "happened_at, actor, role, action, session_id, detail";

    private final Database database;
    private final Clock clock;

    /** A log in {@code database}, stamped with {@code clock}'s time. */
    public AccessLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Logs what a signed-in account did, now. */
    public AccessEntry record(Principal who, AccessAction action, String session, String detail) {
        return record(who.user(), who.role(), action, session, detail);
    }

    /**
     * Logs what someone did, now.
     *
     * @param actor an account's user name, or who acted without one ("holder of share link sh-1")
     * @param role the account's role, or {@code null} without an account
     * @param detail recipients, a share link's id, a reason; {@code null} if there is nothing to add
     */
    public AccessEntry record(String actor, AccountRole role, AccessAction action, String session, String detail) {
        AccessEntry entry = new AccessEntry(Micros.now(clock), actor, role, action, session, shorten(detail));
        try (Connection c = database.connection();
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO access_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, entry.at());
            s.setString(2, entry.actor());
            if (role == null) {
                s.setNull(3, Types.VARCHAR);
            } else {
                s.setString(3, role.wireName());
            }
            s.setString(4, action.wireName());
            s.setString(5, session);
            s.setString(6, entry.detail());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("keep the access log", e);
        }
        database.sync();
        return entry;
    }

    /** The most recent {@code limit} entries of one session, oldest first. */
    public List<AccessEntry> forSession(String session, int limit) {
        return read("WHERE session_id = ?", session, limit);
    }

    /** The most recent {@code limit} entries of every session, oldest first. */
    public List<AccessEntry> all(int limit) {
        return read("", null, limit);
    }

    private List<AccessEntry> read(String where, String session, int limit) {
        List<AccessEntry> entries = new ArrayList<>();
        try (Connection c = database.connection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM access_log " + where + " ORDER BY id DESC LIMIT ?")) {
            int index = 1;
            if (session != null) {
                s.setString(index++, session);
            }
            s.setInt(index, limit);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    String role = row.getString("role");
                    entries.add(new AccessEntry(
                            row.getLong("happened_at"),
                            row.getString("actor"),
                            role == null ? null : AccountRole.ofWireName(role),
                            AccessAction.ofWireName(row.getString("action")),
                            row.getString("session_id"),
                            row.getString("detail")));
                }
            }
        } catch (SQLException e) {
            throw failure("read the access log", e);
        }
        Collections.reverse(entries);
        return entries;
    }

    private static String shorten(String detail) {
        if (detail == null || detail.length() <= Limits.MAX_SHORT_TEXT_CHARS) {
            return detail;
        }
        return detail.substring(0, Limits.MAX_SHORT_TEXT_CHARS - 1) + "…";
    }

    private static ServerException failure(String doing, SQLException cause) {
        return new ServerException(
                ErrorCode.INTERNAL, "The server's database could not " + doing + "; try again.", cause);
    }
}
