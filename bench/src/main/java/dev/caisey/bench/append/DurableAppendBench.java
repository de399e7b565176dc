package dev.caisey.bench.append;

import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.server.db.Database;
import dev.caisey.server.db.H2Durability;
import dev.caisey.server.store.GroupCommitter;
import dev.caisey.server.store.H2EventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Durable append: many sessions at once, each appending its events one at a time through the server's
 * {@link GroupCommitter} into an {@link H2EventStore} (checked, inserted, committed and fsync'd per group), in events
 * per second. Baseline: the same rows inserted into the same table by plain batched JDBC, one commit and one
 * {@link H2Durability#sync} per batch of as many rows as there are sessions (what one group holds when every session
 * has one event waiting). Each side first appends a smaller set of other sessions to warm up, in its own database.
 */
public final class DurableAppendBench {
    /** Goal of issue 12, in events per second. */
    public static final double GOAL_EVENTS_PER_SECOND = 50_000;

    /** Goal of issue 12: at least this fraction of the raw insert speed. */
    public static final double GOAL_FRACTION_OF_BASELINE = 0.5;

    /** Limit for one side of the benchmark. */
    static final Duration RUN_WAIT = Duration.ofMinutes(5);

    private static final String INSERT_EVENT =
            "INSERT INTO events (session, seq, at, event_id, type, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int WARM_UP_DIVISOR = 4;
    private static final double NANOS_PER_SECOND = 1e9;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public DurableAppendBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Measures both sides and returns one result. */
    public List<Result> run() throws Exception {
        int sessions = settings.appendSessions();
        int perSession = settings.appendEventsPerSession();
        int warmPerSession = Math.max(1, perSession / WARM_UP_DIVISOR);
        List<List<RecordedEvent>> chains = SyntheticChains.make("s-append", sessions, perSession);
        int batch = Math.min(sessions, GroupCommitter.MAX_BATCH_EVENTS);
        double committed;
        double raw;
        try (Scratch scratch = Scratch.create("caisey-bench-append")) {
            try (Database db = Database.open(scratch.dir().resolve("committer"))) {
                throughCommitter(db, SyntheticChains.make("s-warm", sessions, warmPerSession));
                committed = throughCommitter(db, chains);
            }
            try (Database db = Database.open(scratch.dir().resolve("raw"))) {
                rawInsert(db, SyntheticChains.make("s-warm", sessions, warmPerSession), batch);
                raw = rawInsert(db, chains, batch);
            }
        }
        boolean met = committed >= GOAL_EVENTS_PER_SECOND && committed >= GOAL_FRACTION_OF_BASELINE * raw;
        return List.of(Result.of(
                String.format(
                        Locale.ROOT,
                        "durable append, %,d concurrent sessions × %d events, fsync'd",
                        sessions,
                        perSession),
                committed,
                "events/s",
                String.format(Locale.ROOT, "raw H2 batched insert, commit + fsync per %,d rows", batch),
                raw,
                "≥ 50,000 events/s and ≥ 0.5× baseline",
                met));
    }

    /** One virtual thread per session appends its chain, each event after the previous one is durable. */
    static double throughCommitter(Database db, List<List<RecordedEvent>> chains) throws Exception {
        int total = chains.stream().mapToInt(List::size).sum();
        try (GroupCommitter committer = new GroupCommitter(new H2EventStore(db));
                ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (List<RecordedEvent> chain : chains) {
                done.add(sessions.submit(() -> {
                    for (RecordedEvent e : chain) {
                        committer.submit(List.of(e), List.of()).get(RUN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    return null;
                }));
            }
            long deadline = start + RUN_WAIT.toNanos();
            for (Future<?> f : done) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return total * NANOS_PER_SECOND / (System.nanoTime() - start);
        }
    }

    /** The same rows, round by round, in batches of {@code batch}: insert, commit, fsync. */
    static double rawInsert(Database db, List<List<RecordedEvent>> chains, int batch) throws SQLException {
        List<RecordedEvent> events = SyntheticChains.roundRobin(chains);
        List<String> bodies =
                events.stream().map(e -> Json.write(EventCodec.toJson(e))).toList();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
                for (int i = 0; i < events.size(); i++) {
                    RecordedEvent e = events.get(i);
                    s.setString(1, e.session());
                    s.setLong(2, e.seq());
                    s.setLong(3, e.at());
                    s.setString(4, e.id());
                    s.setString(5, e.type().wireName());
                    s.setString(6, e.hash());
                    s.setString(7, bodies.get(i));
                    s.addBatch();
                    if ((i + 1) % batch == 0 || i == events.size() - 1) {
                        s.executeBatch();
                        c.commit();
                        H2Durability.sync(c);
                    }
                }
            }
            double rate = events.size() * NANOS_PER_SECOND / (System.nanoTime() - start);
            c.setAutoCommit(true);
            return rate;
        }
    }
}
