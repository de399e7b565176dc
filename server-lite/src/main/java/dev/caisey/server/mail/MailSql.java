package dev.caisey.server.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.sql.Connection;
import java.sql.SQLException;

/** The JDBC plumbing of this package: one transaction, forced to disk, and database failures in words. */
final class MailSql {
    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private MailSql() {}

    /**
     * Runs {@code work} in one transaction (rolled back if it throws), then forces the database to disk.
     *
     * @param doing what the work does, finishing "could not …"
     */
    static <T> T durably(Database database, String doing, Work<T> work) {
        T result = read(database, doing, c -> {
            c.setAutoCommit(false);
            try {
                T done = work.run(c);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
        database.sync();
        return result;
    }

    /** Runs {@code work} on a pooled connection. */
    static <T> T read(Database database, String doing, Work<T> work) {
        try (Connection c = database.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL, "The server's database could not " + doing + "; try again.", e);
        }
    }
}
