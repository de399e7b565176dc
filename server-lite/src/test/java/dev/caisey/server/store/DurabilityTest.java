package dev.caisey.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows, inside the store's file layer, that no acknowledgement comes before the fsync of what it acknowledges: the
 * database runs on {@link RecordingFileSystem}, which logs every write and force in one order with the test's markers.
 */
class DurabilityTest {
    private static final int SESSIONS = 8;
    private static final int EVENTS_PER_SESSION = 60;

    @TempDir
    Path dir;

    private JdbcConnectionPool pool;
    private H2EventStore store;
    private final Map<Integer, List<String>> appended = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> acknowledged = new ConcurrentHashMap<>();

    @BeforeEach
    void open() throws Exception {
        RecordingFileSystem.register();
        RecordingFileSystem.LOG.clear();
        String url = "jdbc:h2:" + RecordingFileSystem.SCHEME + ":"
                + dir.toAbsolutePath().resolve("db/caisey");
        pool = JdbcConnectionPool.create(url + Database.URL_SETTINGS, "caisey", "");
        DiskImages.createSchema(pool);
        store = new H2EventStore(pool::getConnection);
    }

    @AfterEach
    void close() {
        pool.dispose();
    }

    @Test
    void acknowledgesEachEventOnlyAfterAForceThatCoversIt() throws Exception {
        try (GroupCommitter committer = new GroupCommitter(new MarkingStore());
                ExecutorService sequencers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < SESSIONS; s++) {
                String session = "s-" + s;
                sequencers.submit(() -> sequence(committer, session));
            }
        }
        List<IoLog.Entry> log = RecordingFileSystem.LOG.snapshot();
        long forces = log.stream().filter(e -> e instanceof IoLog.ForceEnded).count();
        System.out.printf(
                "durability: %d appends, %d acknowledgements, %d forces%n",
                appended.size(), acknowledged.size(), forces);
        assertThat(acknowledged.values().stream().mapToInt(List::size).sum()).isEqualTo(SESSIONS * EVENTS_PER_SESSION);

        for (Map.Entry<Integer, List<String>> done : acknowledged.entrySet()) {
            int appendedAt = lastAppendHolding(done.getValue().get(0), done.getKey());
            assertThat(forceBetween(log, appendedAt, done.getKey()))
                    .as(
                            "a force of the database file between append %d and acknowledgement %d",
                            appendedAt, done.getKey())
                    .isTrue();
        }
        List<Integer> dones = acknowledged.keySet().stream().sorted().toList();
        for (int k = 1; k <= 4; k++) {
            int cut = dones.get(dones.size() * k / 4 - 1);
            assertPowerCutKeepsAcknowledged(log, cut, "cut-" + k);
        }
    }

    @Test
    void aPowerCutImageLacksWhatWasWrittenButNotForced() throws Exception {
        store.append(Chains.chain("s-forced", 3), List.of());
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (x INT)");
            s.execute("INSERT INTO probe VALUES (1)");
            s.execute("CHECKPOINT"); // writes a chunk, without force
        }
        List<IoLog.Entry> log = RecordingFileSystem.LOG.snapshot();

        int lastForce = DiskImages.lastCompletedForce(log, log.size());
        assertThat(lastForce).as("the append forced the file").isNotNegative();
        Path forced = dir.resolve("forced");
        DiskImages.image(log, lastForce, forced.resolve("caisey.mv.db"));
        Path written = dir.resolve("written");
        DiskImages.image(log, log.size(), written.resolve("caisey.mv.db"));

        assertThat(probeRows(written)).isEqualTo(1);
        assertThatThrownBy(() -> probeRows(forced))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("PROBE");
        JdbcConnectionPool image = DiskImages.open(forced);
        try {
            assertThat(new H2EventStore(image::getConnection).count("s-forced")).isEqualTo(3);
        } finally {
            image.dispose();
        }
    }

    private static int probeRows(Path dir) throws SQLException {
        JdbcConnectionPool image = DiskImages.open(dir);
        try (Connection c = image.getConnection();
                Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM probe")) {
            r.next();
            return r.getInt(1);
        } finally {
            image.dispose();
        }
    }

    /** One session's sequencer, two submissions in flight at most, so that there are many group commits. */
    private void sequence(GroupCommitter committer, String session) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<RecordedEvent> events = Chains.chain(session, EVENTS_PER_SESSION);
        for (int i = 0; i < events.size(); ) {
            List<RecordedEvent> part = events.subList(i, Math.min(i + 1 + i % 4, events.size()));
            List<String> keys = part.stream().map(DurabilityTest::key).toList();
            futures.add(committer.submit(part, List.of()).thenRun(() -> acknowledged.put(mark("done"), keys)));
            if (futures.size() >= 2) {
                futures.get(futures.size() - 2).join();
            }
            i += part.size();
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    }

    private int lastAppendHolding(String key, int before) {
        return appended.entrySet().stream()
                .filter(e -> e.getKey() < before && e.getValue().contains(key))
                .mapToInt(Map.Entry::getKey)
                .max()
                .orElseThrow(() -> new AssertionError(key + " acknowledged without an append"));
    }

    private static boolean forceBetween(List<IoLog.Entry> log, int from, int to) {
        int start = DiskImages.lastCompletedForce(log, to);
        return start > from;
    }

    /** Rebuilds the file as of the last force before {@code cut} and checks every event acknowledged by then. */
    private void assertPowerCutKeepsAcknowledged(List<IoLog.Entry> log, int cut, String name) throws Exception {
        Map<String, Long> acked = new HashMap<>();
        acknowledged.forEach((index, keys) -> {
            if (index <= cut) {
                keys.forEach(k -> acked.merge(k.substring(0, k.indexOf('/')), seq(k), Math::max));
            }
        });
        Path imageDir = dir.resolve(name);
        DiskImages.image(log, DiskImages.lastCompletedForce(log, cut), imageDir.resolve("caisey.mv.db"));
        JdbcConnectionPool image = DiskImages.open(imageDir);
        try {
            H2EventStore survivor = new H2EventStore(image::getConnection);
            acked.forEach((session, seq) -> {
                long found = survivor.head(session).map(ChainHead::seq).orElse(0L);
                assertThat(found)
                        .as("%s: events kept by the disk at %s", session, name)
                        .isGreaterThanOrEqualTo(seq);
                Chains.assertVerifies(session, Chains.all(survivor, session));
            });
        } finally {
            image.dispose();
        }
    }

    private static int mark(String text) {
        return RecordingFileSystem.LOG.add(new IoLog.Marker(text));
    }

    private static String key(RecordedEvent e) {
        return e.session() + "/" + e.seq();
    }

    private static long seq(String key) {
        return Long.parseLong(key.substring(key.indexOf('/') + 1));
    }

    /** The real store, with a marker in the log as each append starts. */
    private final class MarkingStore extends ForwardingStore {
        MarkingStore() {
            super(store);
        }

        @Override
        public void append(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
            appended.put(
                    mark("append"), events.stream().map(DurabilityTest::key).toList());
            super.append(events, checkpoints);
        }
    }
}
