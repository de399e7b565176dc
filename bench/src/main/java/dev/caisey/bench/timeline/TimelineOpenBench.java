package dev.caisey.bench.timeline;

import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.Stats;
import dev.caisey.bench.chain.SyntheticSession;
import dev.caisey.console.fx.Background;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.Refusal;
import dev.caisey.console.records.MirrorTimelineSource;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.sync.SyncPage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opening a long session in the timeline: how long from asking for the timeline of a 100,000-event session held in the
 * mirror until its first rows are in place (first paint), and until the whole session is read. The mirror is filled
 * once with a signed session through {@link Mirror#accept}, as a sync would, and stays open, as it is in the console:
 * opening the mirror is not timed, making the {@code TimelineViewModel} and its {@code load()} are. The baseline is
 * the same H2 file read with plain JDBC on a connection opened beforehand: the same first events (as many as the first
 * paint showed) with the mirror's own query, and all of them, parsing nothing. Both sides read the same warm database;
 * they alternate which goes first, after as many untimed rounds as timed ones, with a collection before each; medians.
 */
public final class TimelineOpenBench {
    /** Goal of issue 12: a 100,000-event session shows its first rows within this, in milliseconds. */
    public static final double GOAL_FIRST_PAINT_MS = 1_000;

    /** The mirror's page query ({@code MirrorStore}), read without parsing for the baseline. */
    static final String PAGE_SQL =
            "SELECT seq, body FROM events WHERE session = ? AND seq > ? ORDER BY session, seq LIMIT ?";

    private static final String SESSION = "s-bench-timeline";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
    private static final double NANOS_PER_MS = 1e6;

    private final int events;
    private final int runs;

    /** Opens a session of {@code events} events {@code runs} times (after as many untimed openings). */
    public TimelineOpenBench(int events, int runs) {
        if (events < 2 || runs < 1) {
            throw new IllegalArgumentException(
                    "the timeline bench needs at least 2 events and 1 run, not " + events + " and " + runs);
        }
        this.events = events;
        this.runs = runs;
    }

    /** Fills the mirror, measures, returns the first paint and the whole load, each beside its baseline. */
    public List<Result> run() throws InterruptedException, SQLException {
        try (Scratch scratch = Scratch.create("caisey-bench-timeline")) {
            Path dir = scratch.dir().resolve("mirror");
            try (Mirror mirror = Mirror.open(dir)) {
                fill(mirror);
                return measure(mirror, dir);
            }
        }
    }

    private void fill(Mirror mirror) {
        RecordExport record = SyntheticSession.export(SESSION, events, SigningKey.generate());
        List<RecordedEvent> all = record.events();
        for (int from = 0; from < all.size(); from += SyncPage.MAX_EVENTS) {
            List<RecordedEvent> page = all.subList(from, Math.min(all.size(), from + SyncPage.MAX_EVENTS));
            long after = page.getFirst().seq() - 1;
            long last = page.getLast().seq();
            List<Checkpoint> checkpoints = record.checkpoints().stream()
                    .filter(c -> c.seq() > after && c.seq() <= last)
                    .toList();
            Refusal refusal = mirror.accept(SyncPage.of(SESSION, after, all.size(), page, checkpoints, record.keys()));
            if (refusal != null) {
                throw new IllegalStateException("the mirror refused the bench's session: " + refusal.reason());
            }
        }
        if (mirror.lastSeq(SESSION) != events) {
            throw new IllegalStateException(
                    "the mirror holds " + mirror.lastSeq(SESSION) + " of " + events + " events");
        }
    }

    private List<Result> measure(Mirror mirror, Path dir) throws InterruptedException, SQLException {
        List<Double> painted = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        List<Double> firstRead = new ArrayList<>();
        List<Double> allRead = new ArrayList<>();
        long firstEvents = 0;
        MirrorTimelineSource source = new MirrorTimelineSource(mirror, SESSION);
        try (ExecutorService ui = Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("timeline-ui").daemon().factory());
                Background background = new Background(ui);
                Connection h2 = mirror.rawConnection()) {
            for (int round = 0; round < 2 * runs; round++) {
                boolean timed = round >= runs;
                boolean timelineFirst = round % 2 == 0; // round 0 goes first, so the first page's size is known
                TimelineOpening.Times times = timelineFirst ? open(background, ui, source) : null;
                long shown = timelineFirst ? times.firstPaintEvents() : firstEvents;
                double first = read(h2, shown);
                double whole = read(h2, events);
                if (!timelineFirst) {
                    times = open(background, ui, source);
                }
                if (times.firstPaintEvents() != shown) {
                    throw new IllegalStateException(
                            "the first paint showed " + shown + " events, then " + times.firstPaintEvents());
                }
                firstEvents = shown;
                if (timed) {
                    painted.add(times.firstPaintMillis());
                    loaded.add(times.loadedMillis());
                    firstRead.add(first);
                    allRead.add(whole);
                }
            }
        }
        return results(painted, loaded, firstRead, allRead, firstEvents);
    }

    private List<Result> results(
            List<Double> painted, List<Double> loaded, List<Double> firstRead, List<Double> allRead, long firstEvents) {
        double paint = Stats.median(painted);
        return List.of(
                Result.of(
                        String.format(
                                Locale.ROOT,
                                "timeline first paint (%,d-event session, first %,d events shown)",
                                events,
                                firstEvents),
                        paint,
                        "ms",
                        String.format(Locale.ROOT, "JDBC read of the same %,d rows from the mirror's H2", firstEvents),
                        Stats.median(firstRead),
                        "≤ 1 s to first paint",
                        paint <= GOAL_FIRST_PAINT_MS),
                Result.of(
                        String.format(Locale.ROOT, "timeline whole session loaded (%,d events)", events),
                        Stats.median(loaded),
                        "ms",
                        String.format(Locale.ROOT, "JDBC read of all %,d rows from the mirror's H2", events),
                        Stats.median(allRead),
                        Result.NO_GOAL,
                        null));
    }

    private static TimelineOpening.Times open(Background background, ExecutorService ui, MirrorTimelineSource source)
            throws InterruptedException {
        System.gc();
        return TimelineOpening.time(background, ui, source, RUN_LIMIT);
    }

    /** Reads the first {@code limit} rows of the session, touching each value, and returns the milliseconds. */
    private static double read(Connection h2, long limit) throws SQLException {
        System.gc();
        long start = System.nanoTime();
        long rows = 0;
        long touched = 0;
        try (PreparedStatement page = h2.prepareStatement(PAGE_SQL)) {
            page.setString(1, SESSION);
            page.setLong(2, 0);
            page.setLong(3, limit);
            try (ResultSet r = page.executeQuery()) {
                while (r.next()) {
                    rows++;
                    touched += r.getLong(1) + r.getString(2).length();
                }
            }
        }
        double millis = (System.nanoTime() - start) / NANOS_PER_MS;
        if (rows != limit || touched <= 0) {
            throw new IllegalStateException("the baseline read " + rows + " of " + limit + " rows");
        }
        return millis;
    }
}
