package dev.caisey.server.db;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The server's embedded H2 database in the data folder: a small connection pool, the schema, and {@link #sync()},
 * which forces everything committed so far onto the disk.
 *
 * <p>H2 does not fsync at commit. Callers that acknowledge writes call {@link #sync()} first (the event store does the
 * same through {@link H2Durability}, once per group commit).
 */
public final class Database implements AutoCloseable {
    /** The schema scripts, run in this order at every start; each is idempotent ({@code IF NOT EXISTS}). */
    static final List<String> SCHEMA = List.of("store.sql", "accounts.sql", "mail.sql", "audit.sql");

    /** The settings every connection to the database file uses; see {@link #open}. */
    public static final String URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;REUSE_SPACE=FALSE";

    /** Most pooled connections. */
    static final int MAX_CONNECTIONS = 16;

    private final JdbcConnectionPool pool;
    private final Path file;

    private Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /**
     * Opens (creating if needed) the database {@code caisey.mv.db} in {@code dataDir} and brings its schema up to date.
     *
     * @throws ServerException with {@link ErrorCode#INTERNAL} if the folder cannot be used or the file is damaged
     */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ServerException(ErrorCode.INTERNAL, "the data folder " + dataDir + " cannot be created", e);
        }
        Path base = dataDir.toAbsolutePath().resolve("caisey");
        // DB_CLOSE_ON_EXIT=FALSE: the server closes the database itself, after its last write.
        // REUSE_SPACE=FALSE: every chunk is appended at the end of the file. With space reuse, H2 2.5.252 can write a
        // chunk into free space while its file header still names an older chunk; after a crash, recovery then stops
        // at that older chunk and drops later ones that were already fsync'd and acknowledged (found by ServerCrashIT).
        // Appending costs file growth, which compaction while the server is stopped gives back.
        String url = "jdbc:h2:file:" + base + URL_SETTINGS;
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "caisey", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        Database database = new Database(pool, Path.of(base + ".mv.db"));
        try {
            database.createSchema();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return database;
    }

    /** The database file, for messages and tests. */
    public Path file() {
        return file;
    }

    /** A pooled connection; close it to return it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Forces every committed change onto the disk; see {@link H2Durability} for why this is more than a checkpoint. */
    public void sync() {
        try (Connection c = connection()) {
            H2Durability.sync(c);
        } catch (SQLException e) {
            throw new ServerException(ErrorCode.INTERNAL, "the database could not be written to disk", e);
        }
    }

    /**
     * Rewrites the file compactly and closes the database ({@code SHUTDOWN COMPACT}): the file only ever grows while
     * the server runs (see {@link #URL_SETTINGS}), so administrators compact it while the server is stopped.
     */
    public void compact() {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new ServerException(ErrorCode.INTERNAL, "the database could not be compacted: " + e.getMessage(), e);
        }
    }

    private void createSchema() {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            for (String script : SCHEMA) {
                for (String sql : statements(script)) {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new ServerException(
                    ErrorCode.INTERNAL, "the database schema could not be created: " + e.getMessage(), e);
        }
    }

    private static List<String> statements(String script) {
        try (InputStream in = Database.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + script + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split(";\\s*(\\r?\\n|$)"))
                    .map(sql -> sql.lines()
                            .filter(l -> !l.strip().startsWith("--"))
                            .reduce("", (a, b) -> a + "\n" + b)
                            .strip())
                    .filter(sql -> !sql.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("schema script " + script + " cannot be read", e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
