package dev.caisey.server.mail;

import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.record.protocol.SendState;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.db.Database;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The reports waiting to be e-mailed, kept in the database so that a restart loses none: each is written (and forced
 * to disk) before the console hears that it was accepted, and every change of its state likewise.
 */
final class MailOutbox {
    private static final String COLUMNS = "id, session_id, requested_by, requested_role, recipients, state, attempts,"
            + " next_attempt_at, last_message";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One report to send and how far it got.
     *
     * @param requestedBy the user name of whoever asked for it
     * @param nextAttemptAt when to try next, or {@code null} once it is final
     * @param message the latest news, in words
     */
    record Entry(
            String id,
            String session,
            String requestedBy,
            AccountRole requestedRole,
            List<String> recipients,
            SendState state,
            int attempts,
            Instant nextAttemptAt,
            String message) {
        Entry {
            recipients = List.copyOf(recipients);
        }

        Entry next(SendState newState, int attemptsSoFar, Instant next, String words) {
            return new Entry(id, session, requestedBy, requestedRole, recipients, newState, attemptsSoFar, next, words);
        }
    }

    private final Database database;

    MailOutbox(Database database) {
        this.database = database;
    }

    /** Adds a report to send now. */
    Entry add(String session, Principal requester, List<String> recipients, String message, Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Entry entry = new Entry(
                "ml-" + HexFormat.of().formatHex(random),
                session,
                requester.user(),
                requester.role(),
                recipients,
                SendState.QUEUED,
                0,
                now,
                message);
        MailSql.durably(database, "queue the report", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO mail_outbox (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, entry.id());
                s.setString(2, session);
                s.setString(3, entry.requestedBy());
                s.setString(4, entry.requestedRole().wireName());
                s.setString(5, String.join(",", recipients));
                s.setString(6, entry.state().wireName());
                s.setInt(7, 0);
                s.setLong(8, Micros.of(now));
                s.setString(9, message);
                s.setLong(10, Micros.of(now));
                s.executeUpdate();
            }
            return null;
        });
        return entry;
    }

    /** Records a new state; a final one gets its finishing time. */
    void update(Entry entry, Instant now) {
        MailSql.durably(database, "record how sending the report went", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE mail_outbox SET state = ?, attempts = ?,"
                    + " next_attempt_at = ?, last_message = ?, finished_at = ? WHERE id = ?")) {
                s.setString(1, entry.state().wireName());
                s.setInt(2, entry.attempts());
                setOptional(s, 3, entry.nextAttemptAt());
                s.setString(4, entry.message());
                setOptional(s, 5, entry.state().isFinal() ? now : null);
                s.setString(6, entry.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    Optional<Entry> find(String id) {
        List<Entry> found = select("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Every report not yet sent or given up, oldest first. */
    List<Entry> unfinished() {
        return select("WHERE state IN ('queued', 'retrying') ORDER BY created_at", null);
    }

    private List<Entry> select(String where, String id) {
        return MailSql.read(database, "read the reports waiting to be sent", c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outbox " + where)) {
                if (id != null) {
                    s.setString(1, id);
                }
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        entries.add(entry(row));
                    }
                }
            }
            return entries;
        });
    }

    private static Entry entry(ResultSet row) throws SQLException {
        long next = row.getLong("next_attempt_at");
        Instant nextAttemptAt = row.wasNull() ? null : Micros.toInstant(next);
        return new Entry(
                row.getString("id"),
                row.getString("session_id"),
                row.getString("requested_by"),
                AccountRole.ofWireName(row.getString("requested_role")),
                List.of(row.getString("recipients").split(",")),
                SendState.ofWireName(row.getString("state")),
                row.getInt("attempts"),
                nextAttemptAt,
                row.getString("last_message"));
    }

    private static void setOptional(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, Micros.of(value));
        }
    }
}
