package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Micros;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * The JDBC plumbing the stores of this package share: transactions that roll back on any failure, UTC microsecond
 * columns, and the one place where an {@link SQLException} becomes a {@link ServerException}.
 */
final class AuthSql {

    /** Work on one connection; may throw {@link SQLException} or a {@link ServerException} refusal. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private AuthSql() {}

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * @param doing what the work does, in words that finish "could not …" ("create the account")
     */
    static <T> T transaction(Database database, String doing, Work<T> work) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // The connection goes back to a pool others share: hand it back as it came.
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    /**
     * Like {@link #transaction} and then forces the database onto the disk: for changes that must survive a power
     * cut once the caller has been told they happened (accounts, revocations, enrollments).
     */
    static <T> T durably(Database database, String doing, Work<T> work) {
        T result = transaction(database, doing, work);
        database.sync();
        return result;
    }

    /** Wraps a database failure: the person sees plain words, the log gets the cause. */
    static ServerException failure(String doing, SQLException cause) {
        return new ServerException(
                ErrorCode.INTERNAL, "The server's database could not " + doing + "; try again.", cause);
    }

    /** Microseconds since the epoch, the unit of every time column. */
    static long micros(Instant instant) {
        return Micros.of(instant);
    }

    /** The instant for microseconds since the epoch. */
    static Instant instant(long micros) {
        return Micros.toInstant(micros);
    }

    /** The instant in a nullable microsecond column, or {@code null}. */
    static Instant optionalInstant(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? null : instant(micros);
    }

    /** Sets a nullable microsecond parameter. */
    static void setOptionalInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, micros(value));
        }
    }

    /** Whether a failure is a unique or foreign key violation (SQL state class 23). */
    static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
