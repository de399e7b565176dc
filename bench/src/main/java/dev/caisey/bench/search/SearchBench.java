package dev.caisey.bench.search;

import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.Stats;
import dev.caisey.console.search.SearchIndex;
import dev.caisey.console.search.SearchQuery;
import dev.caisey.console.search.SearchResults;
import dev.caisey.console.search.SearchableText;
import dev.caisey.console.search.SessionFacts;
import dev.caisey.record.event.RecordedEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Full-text search over the mirror: {@link SearchIndex} holding a busy MSP's sessions ({@link SyntheticMirror}), asked
 * varied questions ({@link SearchWorkload}) with 100 hits and their snippets each, in milliseconds at the 95th
 * percentile. The baseline is what the mirror could do without an index: the same searchable text in an H2 table of
 * the same run, scanned with {@code LIKE '%word%'} for each question's main word, newest 100 first. Indexing speed is
 * reported too, beside H2's batched insert of the same rows. All questions are asked once untimed before the timed
 * round, so both sides are warm.
 */
public final class SearchBench {
    /** Goal of issue 9: a search answers within this at the 95th percentile. */
    public static final double GOAL_P95_MS = 100;

    /** How many sessions go to the index (and to H2) in one batch. */
    static final int SESSIONS_PER_BATCH = 100;

    private static final double NANOS_PER_MS = 1e6;
    private static final long SEED = 20_261_125L;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public SearchBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Builds the mirror, indexes it, asks, and returns the search latency and the indexing speed. */
    public List<Result> run() throws SQLException {
        int sessions = Math.max(1, settings.searchEvents() / SyntheticMirror.EVENTS_PER_SESSION);
        int events = sessions * SyntheticMirror.EVENTS_PER_SESSION;
        try (Scratch scratch = Scratch.create("caisey-bench-search");
                SearchIndex index = SearchIndex.create(scratch.dir().resolve("index"));
                Connection h2 =
                        DriverManager.getConnection("jdbc:h2:" + scratch.dir().resolve("mirror"))) {
            h2.createStatement()
                    .execute("CREATE TABLE searchable (session VARCHAR(64), seq BIGINT, at BIGINT, text VARCHAR)");
            SyntheticMirror mirror = new SyntheticMirror(SEED);
            long indexNanos = 0;
            long insertNanos = 0;
            for (int first = 0; first < sessions; first += SESSIONS_PER_BATCH) {
                Map<SessionFacts, List<RecordedEvent>> batch = new LinkedHashMap<>();
                for (int n = first; n < Math.min(sessions, first + SESSIONS_PER_BATCH); n++) {
                    List<RecordedEvent> s = mirror.session(n);
                    batch.put(SessionFacts.of(s.get(0)), s);
                }
                long start = System.nanoTime();
                index.addAll(batch);
                long indexed = System.nanoTime();
                insert(h2, batch);
                indexNanos += indexed - start;
                insertNanos += System.nanoTime() - indexed;
            }
            List<SearchQuery> questions = new SearchWorkload(SEED, sessions).questions(settings.searchQueries());
            List<Double> lucene = timeSearches(index, questions);
            List<Double> like =
                    timeScans(h2, questions.subList(0, Math.min(questions.size(), settings.searchBaselineQueries())));
            double p95 = Stats.percentile(lucene, 95);
            double baseline = Stats.percentile(like, 95);
            double rate = events * 1e9 / indexNanos;
            double insertRate = events * 1e9 / insertNanos;
            return List.of(
                    Result.of(
                            String.format(
                                    Locale.ROOT,
                                    "search p95 (%,d events, %d queries, median %.1f ms)",
                                    events,
                                    lucene.size(),
                                    Stats.median(lucene)),
                            p95,
                            "ms",
                            String.format(Locale.ROOT, "H2 LIKE '%%word%%' scan p95 (%d of the queries)", like.size()),
                            baseline,
                            "≤ 100 ms",
                            p95 <= GOAL_P95_MS),
                    Result.of(
                            String.format(
                                    Locale.ROOT,
                                    "search indexing (%,d events, %d sessions a commit)",
                                    events,
                                    SESSIONS_PER_BATCH),
                            rate,
                            "events/s",
                            "H2 batched insert of the searchable rows",
                            insertRate,
                            Result.NO_GOAL,
                            null));
        }
    }

    private static List<Double> timeSearches(SearchIndex index, List<SearchQuery> questions) {
        for (SearchQuery q : questions) {
            index.search(q);
        }
        List<Double> millis = new ArrayList<>(questions.size());
        long sink = 0;
        for (SearchQuery q : questions) {
            long start = System.nanoTime();
            SearchResults r = index.search(q);
            millis.add((System.nanoTime() - start) / NANOS_PER_MS);
            sink += r.totalHits();
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the searches from being optimised away");
        }
        return millis;
    }

    private static List<Double> timeScans(Connection h2, List<SearchQuery> questions) throws SQLException {
        try (PreparedStatement scan = h2.prepareStatement(
                "SELECT session, seq FROM searchable WHERE LOWER(text) LIKE ? ORDER BY at DESC LIMIT 100")) {
            for (SearchQuery q : questions) {
                scanOnce(scan, q);
            }
            List<Double> millis = new ArrayList<>(questions.size());
            for (SearchQuery q : questions) {
                long start = System.nanoTime();
                scanOnce(scan, q);
                millis.add((System.nanoTime() - start) / NANOS_PER_MS);
            }
            return millis;
        }
    }

    private static int scanOnce(PreparedStatement scan, SearchQuery q) throws SQLException {
        scan.setString(1, "%" + SearchWorkload.mainWord(q).toLowerCase(Locale.ROOT) + "%");
        int rows = 0;
        try (ResultSet r = scan.executeQuery()) {
            while (r.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void insert(Connection h2, Map<SessionFacts, List<RecordedEvent>> batch) throws SQLException {
        try (PreparedStatement insert = h2.prepareStatement("INSERT INTO searchable VALUES (?, ?, ?, ?)")) {
            for (List<RecordedEvent> s : batch.values()) {
                for (RecordedEvent e : s) {
                    var text = SearchableText.of(e.event());
                    if (text.isPresent()) {
                        insert.setString(1, e.session());
                        insert.setLong(2, e.seq());
                        insert.setLong(3, e.at());
                        insert.setString(4, text.get());
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
