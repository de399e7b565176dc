package dev.caisey.console.search;

import dev.caisey.record.event.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The cheap reads beside the search itself. The filter drop-downs list the distinct terms of the organisation,
 * endpoint and technician fields straight from the index's term dictionary (a few hundred entries, however many
 * events), and the outcome filter's first phase finds the sessions closed a given way among the small per-session
 * documents, whose ids the second phase then filters the events by.
 */
final class Facets {
    /** The distinct organisations, endpoints and technicians, sorted by name. */
    SearchFacets of(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<SearchFacets.OrganisationChoice> organisations = new ArrayList<>();
        for (String label : distinct(reader, EventDocuments.ORGANISATION_LABEL)) {
            int cut = label.indexOf(EventDocuments.LABEL_SEPARATOR);
            if (cut > 0) {
                organisations.add(
                        new SearchFacets.OrganisationChoice(label.substring(0, cut), label.substring(cut + 1)));
            }
        }
        organisations.sort(Comparator.comparing(SearchFacets.OrganisationChoice::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(SearchFacets.OrganisationChoice::id));
        return new SearchFacets(
                organisations,
                sorted(distinct(reader, EventDocuments.ENDPOINT)),
                sorted(distinct(reader, EventDocuments.TECHNICIAN)));
    }

    /** The ids of the sessions closed with {@code outcome}, read from doc values (no stored document is loaded). */
    Set<String> sessionsClosedAs(IndexSearcher searcher, Outcome outcome) {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(EventDocuments.KIND, EventDocuments.SESSION_KIND)), Occur.FILTER)
                .add(new TermQuery(new Term(EventDocuments.OUTCOME, outcome.wireName())), Occur.FILTER)
                .build();
        Set<String> sessions = ConcurrentHashMap.newKeySet();
        try {
            searcher.search(q, new CollectorManager<SessionCollector, Void>() {
                @Override
                public SessionCollector newCollector() {
                    return new SessionCollector(sessions);
                }

                @Override
                public Void reduce(Collection<SessionCollector> collectors) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sessions;
    }

    /** Gathers the session id of each matching outcome document. */
    private static final class SessionCollector extends SimpleCollector {
        private final Set<String> sessions;
        private SortedDocValues values;

        SessionCollector(Set<String> sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getSorted(context.reader(), EventDocuments.CLOSED_SESSION);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) {
                sessions.add(values.lookupOrd(values.ordValue()).utf8ToString());
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static List<String> distinct(IndexReader reader, String field) throws IOException {
        List<String> values = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return values;
        }
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            values.add(term.utf8ToString());
        }
        return values;
    }

    private static List<String> sorted(List<String> values) {
        values.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return values;
    }
}
