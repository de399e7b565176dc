package dev.caisey.console.mirror;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.protocol.SessionInfo;
import dev.caisey.record.sync.SyncPage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Brings the mirror up to date with the server, in the background: asks for the sessions the user may see (with each
 * one's last event number), then fetches each session that grew page by page from the event after the last one held
 * ({@code (session, seq)}), so a cut connection costs at most one page and the next round goes on from there. Closed
 * sessions' signed PDF reports are fetched once, after their events (long ones only when first exported). {@link #live} repeats rounds so open sessions
 * stay current. Every round runs on this class's one thread; progress goes to the listener as it happens.
 */
public final class MirrorSync implements AutoCloseable {
    private static final Logger LOG = System.getLogger(MirrorSync.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Closed sessions up to this many events get their signed report fetched during sync; a larger one's report is
     * fetched when first exported, so a sync never makes the server render a long PDF nobody asked for.
     */
    public static final long PREFETCH_REPORT_MAX_EVENTS = 20_000;

    private final Mirror mirror;
    private final ConsoleClient client;
    private final Consumer<SyncProgress> progress;
    private final int pageEvents;
    private final java.util.Set<String> refusedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "caisey-mirror-sync");
        t.setDaemon(true);
        return t;
    });

    /** Syncs {@code mirror} from {@code client}'s server, telling {@code progress} how it goes. */
    public MirrorSync(Mirror mirror, ConsoleClient client, Consumer<SyncProgress> progress) {
        this(mirror, client, progress, SyncPage.MAX_EVENTS);
    }

    /** As above, fetching at most {@code pageEvents} events per request. */
    public MirrorSync(Mirror mirror, ConsoleClient client, Consumer<SyncProgress> progress, int pageEvents) {
        this.mirror = mirror;
        this.client = client;
        this.progress = progress;
        this.pageEvents = Math.max(1, Math.min(pageEvents, SyncPage.MAX_EVENTS));
    }

    /** Runs one round now (after any running one); the future completes with its last progress. */
    public CompletableFuture<SyncProgress> once() {
        return CompletableFuture.supplyAsync(this::round, thread);
    }

    /** Runs a round now and then every {@code every}, until closed. */
    public void live(Duration every) {
        thread.scheduleWithFixedDelay(this::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SyncProgress round() {
        List<Refusal> refused = new ArrayList<>();
        int sessionsDone = 0;
        long eventsDone = 0;
        List<SessionInfo> stale = new ArrayList<>();
        long eventsTotal = 0;
        try {
            Map<String, Long> heads = mirror.lastSeqs();
            for (SessionInfo info : await(client.sessions())) {
                long held = heads.getOrDefault(info.session(), 0L);
                // A session refused in this run is not fetched again every round; the next start tries once more.
                if (info.lastSeq() > held && !refusedHere.contains(info.session())) {
                    stale.add(info);
                    eventsTotal += info.lastSeq() - held;
                }
            }
            tell(new SyncProgress(0, stale.size(), 0, eventsTotal, false, refused, null));
            for (SessionInfo info : stale) {
                long held = mirror.lastSeq(info.session());
                CompletableFuture<SyncPage> next = client.syncPage(info.session(), held, pageEvents);
                while (next != null) {
                    SyncPage page = await(next);
                    // While this page is checked and stored, the next one is already on its way.
                    long following = page.after() + page.events().size();
                    next = page.more() && !page.events().isEmpty()
                            ? client.syncPage(info.session(), following, pageEvents)
                            : null;
                    Refusal refusal = mirror.accept(page);
                    if (refusal != null) {
                        LOG.log(Level.WARNING, "refused a page of {0}: {1}", info.session(), refusal.reason());
                        refused.add(refusal);
                        refusedHere.add(info.session());
                        if (next != null) {
                            next.cancel(true);
                        }
                        break;
                    }
                    eventsDone += page.events().size();
                    tell(new SyncProgress(sessionsDone, stale.size(), eventsDone, eventsTotal, false, refused, null));
                }
                sessionsDone++;
            }
            fetchReports();
            mirror.synced();
            return tell(new SyncProgress(sessionsDone, stale.size(), eventsDone, eventsTotal, true, refused, null));
        } catch (ConsoleException e) {
            return tell(new SyncProgress(
                    sessionsDone, stale.size(), eventsDone, eventsTotal, true, refused, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "a mirror sync round failed", e);
            return tell(new SyncProgress(
                    sessionsDone, stale.size(), eventsDone, eventsTotal, true, refused, String.valueOf(e)));
        }
    }

    /** Fetches the server-signed report of every closed session of moderate length that has none kept yet. */
    private void fetchReports() {
        mirror.closedWithoutReport(PREFETCH_REPORT_MAX_EVENTS).forEach((session, lastSeq) -> {
            try {
                mirror.keepReport(session, lastSeq, await(client.exportReport(session)));
            } catch (ConsoleException e) {
                // The record is what counts; the report is asked for again next round.
                LOG.log(Level.WARNING, "the report of {0} could not be fetched: {1}", session, e.getMessage());
            }
        });
    }

    private SyncProgress tell(SyncProgress p) {
        try {
            progress.accept(p);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a sync progress listener failed", e);
        }
        return p;
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConsoleException c) {
                throw c;
            }
            throw new ConsoleException(Failure.CONNECTION, "The sync broke off: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ConsoleException(Failure.TIMEOUT, "The server did not answer within 2 minutes.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(Failure.CONNECTION, "The sync was stopped.", e);
        }
    }

    /** Stops syncing; a round under way stops at its next call to the server. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
