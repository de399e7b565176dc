package dev.caisey.console.mirror;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The mirror's H2 file database: where it lives, its tables, and connections to it. One file per server and user
 * ({@code mirror.mv.db} in the mirror's folder), so one user's copy never mixes with another's.
 *
 * <p>The mirror is a cache of records the server keeps: its loss costs a download, never evidence. So it runs with
 * H2's ordinary durability, and a file that cannot be opened is reported with what to do (delete it and sync again),
 * never silently replaced.
 */
final class MirrorDb implements AutoCloseable {
    /** The schema version this code reads and writes. */
    static final int SCHEMA_VERSION = 1;

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS meta(name VARCHAR(64) PRIMARY KEY, val VARCHAR(1000) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS keys(key_id CHAR(64) PRIMARY KEY, public_key VARCHAR(200) NOT NULL)",
            "CREATE TABLE IF NOT EXISTS sessions(id VARCHAR(128) PRIMARY KEY, organisation_id VARCHAR(128) NOT NULL,"
                    + " organisation_name VARCHAR(1000) NOT NULL, time_zone VARCHAR(64) NOT NULL,"
                    + " endpoint_name VARCHAR(1000) NOT NULL, technician VARCHAR(1000) NOT NULL,"
                    + " ticket VARCHAR(1000), first_event VARCHAR(1000000) NOT NULL, milestones VARCHAR(4000) NOT NULL,"
                    + " last_seq BIGINT NOT NULL, last_hash CHAR(64) NOT NULL, last_at BIGINT NOT NULL,"
                    + " signed_seq BIGINT NOT NULL, connected_at BIGINT NOT NULL, closed_at BIGINT,"
                    + " outcome VARCHAR(32), indexed_seq BIGINT DEFAULT 0 NOT NULL)",
            "CREATE TABLE IF NOT EXISTS events(session VARCHAR(128) NOT NULL, seq BIGINT NOT NULL,"
                    + " at BIGINT NOT NULL, type VARCHAR(40) NOT NULL, role VARCHAR(16) NOT NULL,"
                    + " body VARCHAR(1000000) NOT NULL, PRIMARY KEY(session, seq))",
            "CREATE TABLE IF NOT EXISTS checkpoints(session VARCHAR(128) NOT NULL, seq BIGINT NOT NULL,"
                    + " body VARCHAR(4000) NOT NULL, PRIMARY KEY(session, seq))",
            "CREATE TABLE IF NOT EXISTS refusals(session VARCHAR(128) NOT NULL, seq BIGINT NOT NULL,"
                    + " at BIGINT NOT NULL, reason VARCHAR(4000) NOT NULL, PRIMARY KEY(session, seq, reason))",
            "CREATE TABLE IF NOT EXISTS reports(session VARCHAR(128) PRIMARY KEY, last_seq BIGINT NOT NULL,"
                    + " pdf BLOB NOT NULL)");

    /** The database user (H2 embedded: no password, the file's owner-only folder is the protection). */
    static final String USER = "caisey";

    private final Path dir;
    private final JdbcConnectionPool pool;

    private MirrorDb(Path dir, JdbcConnectionPool pool) {
        this.dir = dir;
        this.pool = pool;
    }

    /**
     * Opens (or makes) the mirror in {@code dir}.
     *
     * @throws ConsoleException with {@link Failure#LOCAL_FILES} naming the folder and what to do
     */
    static MirrorDb open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConsoleException(
                    Failure.LOCAL_FILES, "Cannot make the folder of the local copy of your records, " + dir + ".", e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir), USER, "");
        pool.setMaxConnections(8);
        MirrorDb db = new MirrorDb(dir, pool);
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            s.execute("MERGE INTO meta KEY(name) VALUES ('schema', '" + SCHEMA_VERSION + "')");
        } catch (SQLException e) {
            pool.dispose();
            throw new ConsoleException(
                    Failure.LOCAL_FILES,
                    "The local copy of your records in " + dir + " cannot be opened (" + e.getMessage()
                            + "). If another Caisey console is running, close it; otherwise delete that folder:"
                            + " the console fetches everything again at the next sign-in.",
                    e);
        }
        return db;
    }

    /** The JDBC URL of the mirror in {@code dir}. */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("mirror").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The mirror's folder. */
    Path dir() {
        return dir;
    }

    /** A connection from the pool; close it when done. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The rows {@code sql} selects, each read by {@code row}; {@code doing} names the work in an error. */
    <T> List<T> query(String doing, String sql, SqlBinder binder, SqlRow<T> row) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<T> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row.read(r));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(doing, e);
        }
    }

    /** Runs one statement that changes rows; {@code doing} names the work in an error. */
    void update(String doing, String sql, SqlBinder binder) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed(doing, e);
        }
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface SqlBinder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface SqlRow<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** The error for a failed statement, in words. */
    ConsoleException failed(String doing, SQLException e) {
        return new ConsoleException(
                Failure.LOCAL_FILES,
                "The local copy of your records in " + dir + " failed while " + doing + ": " + e.getMessage(),
                e);
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Closing is best effort: H2 closes the file when the last connection goes.
        } finally {
            pool.dispose();
        }
    }
}
