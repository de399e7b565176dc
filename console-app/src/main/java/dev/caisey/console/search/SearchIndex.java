package dev.caisey.console.search;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index of the mirrored records: a Lucene index in its own folder beside the mirror's database, fed by
 * the mirror after each stored batch and asked by the search screen. It exists because a {@code LIKE '%word%'} scan of
 * every output line grows with the mirror while people expect an answer at once; the index answers in milliseconds and
 * knows words, phrases and wildcards. It holds nothing the mirror does not hold, so when it breaks the mirror rebuilds
 * it ({@link #create(Path)}, then {@link #add} again).
 *
 * <p>Safe for use from several threads: writes are serialised, searches run in parallel on the latest committed view.
 */
public final class SearchIndex implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());
    private static final Sort NEWEST_FIRST = new Sort(
            new SortField(EventDocuments.AT, SortField.Type.LONG, true),
            new SortField(EventDocuments.SEQ, SortField.Type.LONG, true));

    /** Matches are counted exactly up to this many; beyond, the count is a lower bound. */
    public static final int EXACT_COUNT_UP_TO = 10_000;

    /** Memory for documents not yet written to segments; larger batches index faster. */
    private static final double WRITE_BUFFER_MB = 48;

    private final Path dir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final Searchers searchers;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final QueryTranslator translator = new QueryTranslator(analyzer);
    private final Snippets snippets = new Snippets(analyzer);
    private final Facets facets = new Facets();

    private SearchIndex(Path dir, IndexWriterConfig.OpenMode mode) {
        this.dir = dir;
        FSDirectory d = null;
        IndexWriter w = null;
        try {
            d = FSDirectory.open(dir);
            w = new IndexWriter(
                    d, new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(WRITE_BUFFER_MB));
            this.searchers = new Searchers(dir, w);
        } catch (IOException | RuntimeException e) {
            IndexFailures.closeQuietly(w, d);
            throw IndexFailures.unreadable(dir, e);
        }
        this.directory = d;
        this.writer = w;
    }

    /**
     * The index in {@code dir}, created there if the folder holds none.
     *
     * @throws ConsoleException ({@link ConsoleException.Failure#LOCAL_FILES}) if the folder cannot be used or holds a
     *     broken index; {@link #create(Path)} then starts a new one
     */
    public static SearchIndex open(Path dir) {
        return new SearchIndex(dir, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /** A new, empty index in {@code dir}, replacing whatever index was there (broken or not). */
    public static SearchIndex create(Path dir) {
        IndexFailures.discard(dir);
        return new SearchIndex(dir, IndexWriterConfig.OpenMode.CREATE);
    }

    /**
     * Indexes the searchable ones of {@code events} (all of the session {@code facts} describes) and makes them
     * searchable before returning. An event indexed before is replaced, not doubled; a {@code session.closed} among
     * them also records the session's outcome.
     *
     * @throws IllegalArgumentException if an event is of another session; nothing is indexed then
     */
    public void add(SessionFacts facts, List<RecordedEvent> events) {
        addAll(Map.of(facts, events));
    }

    /** Like {@link #add} for several sessions at once, with one commit: for a mirror that stores many in a batch. */
    public synchronized void addAll(Map<SessionFacts, ? extends List<RecordedEvent>> sessions) {
        sessions.forEach((facts, events) -> events.forEach(e -> {
            if (!e.session().equals(facts.session())) {
                throw new IllegalArgumentException("event " + e.seq() + " of session " + e.session()
                        + " was given with the facts of session " + facts.session() + "; nothing was indexed");
            }
        }));
        try {
            for (Map.Entry<SessionFacts, ? extends List<RecordedEvent>> s : sessions.entrySet()) {
                for (RecordedEvent e : s.getValue()) {
                    Optional<Document> doc = EventDocuments.of(s.getKey(), e);
                    if (doc.isPresent()) {
                        writer.updateDocument(EventDocuments.eventKey(e.session(), e.seq()), doc.get());
                    }
                    if (e.event() instanceof SessionClosed c) {
                        writer.updateDocument(
                                EventDocuments.sessionKey(e.session()),
                                EventDocuments.closed(e.session(), c.outcome()));
                    }
                }
            }
            publish();
        } catch (IOException e) {
            throw IndexFailures.writeFailed(dir, e);
        }
    }

    /** Records how {@code session} ended, for the outcome filter; a later call replaces an earlier one. */
    public synchronized void closed(String session, Outcome outcome) {
        try {
            writer.updateDocument(EventDocuments.sessionKey(session), EventDocuments.closed(session, outcome));
            publish();
        } catch (IOException e) {
            throw IndexFailures.writeFailed(dir, e);
        }
    }

    /** Empties the index (the mirror was rebuilt and will add everything again). */
    public synchronized void deleteAll() {
        try {
            writer.deleteAll();
            publish();
        } catch (IOException e) {
            throw IndexFailures.writeFailed(dir, e);
        }
    }

    /**
     * The events that match {@code q}, newest first.
     *
     * @throws ConsoleException ({@link ConsoleException.Failure#BAD_INPUT}) if the words are not valid search syntax
     */
    public SearchResults search(SearchQuery q) {
        return searchers.read(searcher -> {
            Query query = translator.query(q, outcome -> facets.sessionsClosedAs(searcher, outcome));
            TopFieldDocs top = searcher.search(
                    query, new TopFieldCollectorManager(NEWEST_FIRST, q.limit(), null, EXACT_COUNT_UP_TO));
            StoredFields stored = searcher.storedFields();
            List<Document> docs = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                docs.add(stored.document(hit.doc));
            }
            List<String> texts =
                    docs.stream().map(d -> d.get(EventDocuments.TEXT)).toList();
            List<Snippet> cut = snippets.of(translator.words(q).orElse(null), texts);
            List<SearchHit> hits = new ArrayList<>(docs.size());
            for (int i = 0; i < docs.size(); i++) {
                hits.add(EventDocuments.hit(docs.get(i), cut.get(i)));
            }
            return new SearchResults(top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO, hits);
        });
    }

    /** The organisations, endpoints and technicians that occur in the index, for the filter drop-downs. */
    public SearchFacets facets() {
        return searchers.read(facets::of);
    }

    /** How many events are indexed. */
    public long count() {
        return searchers.read(s -> (long) s.count(new TermQuery(new Term(EventDocuments.KIND, EventDocuments.EVENT))));
    }

    /** The folder the index lives in. */
    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the search index in " + dir + " did not close cleanly", e);
        } finally {
            IndexFailures.closeQuietly(directory);
        }
    }

    private void publish() throws IOException {
        writer.commit();
        searchers.refresh();
    }
}
