package dev.caisey.console.mirror;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.connection.Registration;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.search.SearchIndex;
import dev.caisey.console.search.SessionFacts;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.sync.SyncPage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The console's local copy of every session record its user may see, with its full-text index, for browsing, search,
 * SLA figures and export with or without the server. Records enter only through {@link #accept}, which checks each page against the chain already
 * held and the server's pinned checkpoint key ({@link PageCheck}) and stores it whole or refuses it whole, keeping the
 * refusal to show. Readers are told which session grew. Thread-safe; reads and writes may block on the disk, so call
 * them off the UI thread.
 */
public final class Mirror implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Mirror.class.getName());
    private static final int REINDEX_PAGE_EVENTS = 5_000;

    private final MirrorDb db;
    private final MirrorStore store;
    private final MirrorReads reads;
    private final MirrorNotes notes;
    private final SearchIndex index;
    private final Clock clock;
    private final List<Consumer<Stored>> listeners = new CopyOnWriteArrayList<>();

    private Mirror(MirrorDb db, SearchIndex index, Clock clock) {
        this.db = db;
        this.store = new MirrorStore(db);
        this.reads = new MirrorReads(db);
        this.notes = new MirrorNotes(db, reads);
        this.index = index;
        this.clock = clock;
    }

    /**
     * Opens (or makes) the mirror in {@code dir}, with its search index in {@code dir/search}. An index that cannot be
     * read is made anew; an index that is behind the records (a crash between storing and indexing, or a new index)
     * catches up before this returns.
     */
    public static Mirror open(Path dir) {
        MirrorDb db = MirrorDb.open(dir);
        Path indexDir = dir.resolve("search");
        SearchIndex index;
        boolean fresh = false;
        try {
            index = SearchIndex.open(indexDir);
        } catch (ConsoleException e) {
            LOG.log(System.Logger.Level.WARNING, "the search index is rebuilt: {0}", e.getMessage());
            index = SearchIndex.create(indexDir);
            fresh = true;
        }
        Mirror mirror = new Mirror(db, index, Clock.systemUTC());
        try {
            if (fresh || index.count() == 0) {
                mirror.notes.unindexAll();
            }
            mirror.catchUpIndex();
            return mirror;
        } catch (RuntimeException e) {
            mirror.close();
            throw e;
        }
    }

    private void catchUpIndex() {
        notes.behindIndex().forEach((session, from) -> {
            MirroredSession held = reads.session(session).orElseThrow();
            long after = from;
            while (true) {
                List<RecordedEvent> page = reads.events(session, after, REINDEX_PAGE_EVENTS);
                if (page.isEmpty()) {
                    break;
                }
                index.add(facts(held), page);
                after = page.getLast().seq();
            }
            notes.indexed(session, after);
        });
    }

    private static SessionFacts facts(MirroredSession s) {
        return new SessionFacts(s.id(), s.organisationId(), s.organisationName(), s.endpointName(), s.technician());
    }

    /** The folder of the mirror of one user on one server, under the console's data folder {@code data}. */
    public static Path folder(Path data, ServerAddress server, String user) {
        String safeServer = server.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        String safeUser = user.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return data.resolve("mirror").resolve(safeServer).resolve(safeUser);
    }

    /**
     * A plain JDBC connection to the mirror's database, for measuring raw reads beside the mirror's own (the
     * benchmarks); close it when done. Nothing should write through it.
     */
    public java.sql.Connection rawConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(MirrorDb.url(db.dir()), MirrorDb.USER, "");
    }

    /** The mirror's folder. */
    public Path dir() {
        return db.dir();
    }

    /**
     * Checks a page the server sent and stores it, or refuses it and keeps the refusal.
     *
     * @return {@code null} if stored, else the refusal
     */
    public synchronized Refusal accept(SyncPage page) {
        notes.pinIfFirst(page.keys());
        Refusal refusal = PageCheck.check(page, reads.head(page.session()).orElse(null), reads.keys());
        if (refusal != null) {
            notes.refuse(refusal, Micros.of(clock.instant()));
            return refusal;
        }
        store.store(page);
        if (!page.events().isEmpty()) {
            MirroredSession held = session(page.session()).orElseThrow();
            index.add(facts(held), page.events());
            notes.indexed(held.id(), held.lastSeq());
            Stored stored = new Stored(held, page.events());
            listeners.forEach(l -> l.accept(stored));
        }
        return null;
    }

    /** How many events of {@code session} the mirror holds (0: none). */
    public long lastSeq(String session) {
        return reads.head(session).map(h -> h.seq()).orElse(0L);
    }

    /** How many events the mirror holds of each session it holds (session id to last seq). */
    public Map<String, Long> lastSeqs() {
        return reads.lastSeqs();
    }

    /** Closed sessions of at most {@code maxEvents} events whose signed report is not kept yet, with their last seq. */
    Map<String, Long> closedWithoutReport(long maxEvents) {
        return notes.closedWithoutReport(maxEvents);
    }

    /** Every mirrored session, newest connection first. */
    public List<MirroredSession> sessions() {
        return reads.sessions();
    }

    /** One mirrored session, if the mirror holds it. */
    public Optional<MirroredSession> session(String id) {
        return reads.session(id);
    }

    /** When the last sync round finished without a problem, if one ever did. */
    public Optional<java.time.Instant> lastSynced() {
        return notes.meta("lastSynced").map(v -> Micros.toInstant(Long.parseLong(v)));
    }

    /** Notes that a sync round just finished without a problem. */
    void synced() {
        notes.meta("lastSynced", Long.toString(Micros.of(clock.instant())));
    }

    /** Everything refused so far, oldest first. */
    public List<Refusal> refusals() {
        return notes.refusals();
    }

    /** Up to {@code limit} events of a session after {@code afterSeq}, ascending. */
    public List<RecordedEvent> events(String session, long afterSeq, int limit) {
        return reads.events(session, afterSeq, limit);
    }

    /** A session's whole record as an export ({@code *.caisey.json}), signed by the server's checkpoints. */
    public RecordExport export(String session) {
        if (lastSeq(session) == 0) {
            throw new ConsoleException(
                    Failure.BAD_INPUT, "Session " + session + " is not in the local copy of your records.");
        }
        return reads.export(session);
    }

    /**
     * The server-signed PDF report of a session, if one was fetched while online and made from all the events the
     * mirror holds (a report of an earlier state is not returned).
     */
    public Optional<byte[]> report(String session) {
        return notes.report(session);
    }

    /** Keeps the server-signed PDF report of a session as of its event {@code lastSeq}. */
    public void keepReport(String session, long lastSeq, byte[] pdf) {
        notes.keepReport(session, lastSeq, pdf);
    }

    /** The full-text index of every mirrored event, kept up to date as pages are stored. */
    public SearchIndex searchIndex() {
        return index;
    }

    /** Tells {@code listener} of every stored page (on the thread that stored it). */
    public Registration onStored(Consumer<Stored> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            db.close();
        }
    }

    /**
     * Events a page added to the mirror.
     *
     * @param session the session after the page
     * @param events the new events, ascending
     */
    public record Stored(MirroredSession session, List<RecordedEvent> events) {}
}
