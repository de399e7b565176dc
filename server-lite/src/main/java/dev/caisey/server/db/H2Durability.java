package dev.caisey.server.db;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Forces every committed transaction of an embedded H2 database onto the disk.
 *
 * <p>Why not just {@code CHECKPOINT SYNC}: in H2 2.5.252 it runs {@code Store.sync()}, that is {@code MVStore.commit()}
 * and then {@code SingleFileStore.sync()} ({@code FileChannel.force(true)}). But {@code commit()} writes and waits only
 * if changes are still unsaved. H2's background writer ({@code FileStore.writeInBackground} → {@code tryCommit}) and
 * memory pressure ({@code MVStore.beforeWrite} → {@code tryCommit}) store chunks <em>asynchronously</em> on the
 * {@code H2-serialization} and {@code H2-save} executors. If such a store took our transaction just before, {@code
 * commit()} finds nothing to do and the {@code force} can run before the chunk holding our rows reaches the file: an
 * acknowledged batch could then be lost even to a plain {@code kill -9}.
 *
 * <p>So this class commits like {@code CHECKPOINT SYNC} does, then forces the file inside {@code
 * MVStore.executeFilestoreOperation}, which first drains both executors under the store lock (every asynchronous store
 * is submitted under that lock, so none that started earlier can still be pending).
 *
 * <p>The calling thread must not be interrupted: H2 skips its waits on interrupted threads. An interrupt flag that is
 * set is cleared for the duration and restored afterwards.
 */
public final class H2Durability {
    private H2Durability() {}

    /** Forces everything committed so far (by any connection of the database) onto the disk. */
    public static void sync(Connection connection) throws SQLException {
        boolean interrupted = Thread.interrupted();
        try {
            MVStore store = mvStore(connection);
            if (store == null) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
                return;
            }
            force(store);
            if (Thread.interrupted()) {
                // An interrupt during the drain may have cut one of H2's waits short: once more, undisturbed.
                interrupted = true;
                force(store);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void force(MVStore store) {
        try {
            store.commit();
            store.executeFilestoreOperation(store::sync);
        } catch (MVStoreException e) {
            throw new ServerException(ErrorCode.INTERNAL, "the database file could not be written to disk", e);
        }
    }

    /** The MVStore behind an embedded connection, or {@code null} for one that is not embedded. */
    private static MVStore mvStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
            MVStore store = local.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? null : store;
        }
        return null;
    }
}
