package dev.caisey.bench.mirror;

import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.Stats;
import dev.caisey.bench.chain.SyntheticSession;
import dev.caisey.bench.footprint.BenchServer;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.MirrorSync;
import dev.caisey.console.mirror.SyncProgress;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.sync.SyncPage;
import dev.caisey.server.store.H2EventStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Mirror sync: a console's mirror fetching one long session from a real server over TLS on loopback, page by page,
 * checking every hash, link and checkpoint signature and storing it in a fresh H2 file, beside the raw HTTP download of
 * exactly the same pages by the same client (no parsing, no checks, no storage). The session is written straight into
 * the server's store, signed with the server's own key, as the server would have written it. Runs alternate; medians.
 */
public final class MirrorSyncBench {
    /** Goal of issue 12 for 100,000 events, in milliseconds. */
    public static final double GOAL_MILLIS_PER_100K = 5_000;

    private static final String SESSION = "s-bench-mirror";
    private static final int APPEND_BATCH_EVENTS = 5_000;

    private final int events;
    private final int runs;

    /** Syncs a session of {@code events} events {@code runs} times (after one untimed run). */
    public MirrorSyncBench(int events, int runs) {
        this.events = events;
        this.runs = runs;
    }

    /** Builds the server and the session, measures, returns one result. */
    public List<Result> run() throws Exception {
        try (Scratch scratch = Scratch.create("caisey-bench-mirror");
                BenchServer server = BenchServer.start(scratch.dir().resolve("server"))) {
            RecordExport record =
                    SyntheticSession.export(SESSION, events, server.server().signingKey());
            store(server, record);
            try (ConsoleClient client = new ConsoleClient(
                    new ServerAddress("127.0.0.1", server.server().port()),
                    Fingerprint.parse(server.fingerprint()),
                    new ConsoleHome(scratch.dir().resolve("console")).knownServers(),
                    ConnectionSettings.standard())) {
                AtomicReference<String> token = new AtomicReference<>();
                client.onSignedIn(ok -> token.set(ok.token()));
                client.login(server.technician(), server.password()).get(30, TimeUnit.SECONDS);
                List<Double> synced = new ArrayList<>();
                List<Double> downloaded = new ArrayList<>();
                for (int i = 0; i <= runs; i++) {
                    double sync = syncOnce(client, scratch, i);
                    double raw = downloadOnce(client, server, token.get());
                    if (i > 0) {
                        synced.add(sync);
                        downloaded.add(raw);
                    }
                }
                double value = Stats.median(synced);
                double baseline = Stats.median(downloaded);
                double goal = GOAL_MILLIS_PER_100K * events / 100_000.0;
                return List.of(Result.of(
                        String.format(Locale.ROOT, "mirror sync (%,d events, checked and stored)", events),
                        value,
                        "ms",
                        "raw HTTP download of the same pages",
                        baseline,
                        String.format(Locale.ROOT, "≤ %,.0f ms (5 s per 100,000 events)", goal),
                        value <= goal));
            }
        }
    }

    private static void store(BenchServer server, RecordExport record) {
        H2EventStore store = new H2EventStore(server.server().database());
        List<RecordedEvent> all = record.events();
        for (int from = 0; from < all.size(); from += APPEND_BATCH_EVENTS) {
            List<RecordedEvent> batch = all.subList(from, Math.min(all.size(), from + APPEND_BATCH_EVENTS));
            long first = batch.getFirst().seq();
            long last = batch.getLast().seq();
            List<Checkpoint> checkpoints = record.checkpoints().stream()
                    .filter(c -> c.seq() >= first && c.seq() <= last)
                    .toList();
            store.append(batch, checkpoints);
        }
    }

    private double syncOnce(ConsoleClient client, Scratch scratch, int run) throws Exception {
        try (Mirror mirror = Mirror.open(scratch.dir().resolve("mirror-" + run));
                MirrorSync sync = new MirrorSync(mirror, client, p -> {})) {
            long start = System.nanoTime();
            SyncProgress done = sync.once().get(10, TimeUnit.MINUTES);
            double millis = (System.nanoTime() - start) / 1e6;
            if (done.problem() != null || mirror.lastSeq(SESSION) != events) {
                throw new IllegalStateException("the sync did not finish: " + done.describe());
            }
            return millis;
        }
    }

    private double downloadOnce(ConsoleClient client, BenchServer server, String token) throws Exception {
        long start = System.nanoTime();
        long after = 0;
        while (after < events) {
            URI url = URI.create("https://127.0.0.1:" + server.server().port() + "/api/sessions/"
                    + URLEncoder.encode(SESSION, StandardCharsets.UTF_8) + "/events?after=" + after + "&limit="
                    + SyncPage.MAX_EVENTS);
            byte[] page = client.downloads().get(url, token).get(2, TimeUnit.MINUTES);
            if (page.length == 0) {
                throw new IllegalStateException("an empty page");
            }
            after = Math.min(events, after + SyncPage.MAX_EVENTS);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
