package dev.caisey.server.store;

import dev.caisey.server.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Helpers of the durability test: the store's schema on a pool of one's own, and "power-cut images" — the database
 * file as the disk is guaranteed to hold it after a given {@code force}, rebuilt from an {@link IoLog}.
 */
final class DiskImages {
    private static final String DATABASE_FILE_SUFFIX = ".mv.db";

    private DiskImages() {}

    /** Runs {@code store.sql} (the script {@code Database.open} runs) on a pool. */
    static void createSchema(JdbcConnectionPool pool) throws IOException, SQLException {
        String script;
        try (InputStream in = DiskImages.class.getResourceAsStream("/dev/caisey/server/db/store.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                String code =
                        sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!code.isBlank()) {
                    s.execute(code);
                }
            }
        }
    }

    /** Whether a log entry concerns the database file (not the lock or trace file). */
    static boolean isDatabaseFile(String file) {
        return file.endsWith(DATABASE_FILE_SUFFIX);
    }

    /**
     * The index of the {@link IoLog.ForceStarted} entry of the last force of the database file that had ended before
     * entry {@code before}, or -1 if none had.
     */
    static int lastCompletedForce(List<IoLog.Entry> log, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (log.get(i) instanceof IoLog.ForceEnded end && isDatabaseFile(end.file())) {
                for (int j = i - 1; j >= 0; j--) {
                    if (log.get(j) instanceof IoLog.ForceStarted start && isDatabaseFile(start.file())) {
                        return j;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Writes into {@code target} the database file as it is made of the writes logged before entry {@code end}: after
     * a power cut right after a force, the disk holds at least this much (this and nothing newer, in the worst case).
     */
    static void image(List<IoLog.Entry> log, int end, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (FileChannel out = FileChannel.open(
                target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (IoLog.Entry entry : log.subList(0, end)) {
                if (entry instanceof IoLog.Write w && isDatabaseFile(w.file())) {
                    out.write(ByteBuffer.wrap(w.bytes()), w.position());
                } else if (entry instanceof IoLog.Truncate t && isDatabaseFile(t.file())) {
                    out.truncate(t.size());
                }
            }
        }
    }

    /** A pool on a copy built by {@link #image}: {@code dir/caisey.mv.db}. */
    static JdbcConnectionPool open(Path dir) {
        return JdbcConnectionPool.create(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("caisey") + Database.URL_SETTINGS, "caisey", "");
    }
}
