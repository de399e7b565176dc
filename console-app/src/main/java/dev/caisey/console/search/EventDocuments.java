package dev.caisey.console.search;

import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The shape of the search index in one place: the field names, the two kinds of document, and the hit read back from
 * an event's document. Each searchable event is
 * one document keyed by {@code session/seq} (so indexing it again replaces it), carrying its session's facts as exact
 * terms for the filters. Each closed session is one small document holding its outcome: closing a session rewrites
 * that one document, never the session's events, and the outcome filter first finds the sessions, then their events.
 */
final class EventDocuments {
    static final String KIND = "kind";
    static final String EVENT = "event";
    static final String SESSION_KIND = "session";
    static final String KEY = "key";
    static final String SESSION = "session";
    static final String SEQ = "seq";
    static final String AT = "at";
    static final String TYPE = "type";
    static final String ROLE = "role";
    static final String ACTOR = "actor";
    static final String ORGANISATION = "organisation";
    static final String ORGANISATION_LABEL = "organisationLabel";
    static final String ENDPOINT = "endpoint";
    static final String TECHNICIAN = "technician";
    static final String OUTCOME = "outcome";
    static final String CLOSED_SESSION = "closedSession";
    static final String TEXT = "text";

    /** Separates an organisation's id from its name in {@link #ORGANISATION_LABEL}; it never occurs in either. */
    static final char LABEL_SEPARATOR = '\u001f';

    private EventDocuments() {}

    /** The key of an event's document. */
    static Term eventKey(String session, long seq) {
        return new Term(KEY, EVENT + ':' + session + '/' + seq);
    }

    /** The key of a session's outcome document. */
    static Term sessionKey(String session) {
        return new Term(KEY, SESSION_KIND + ':' + session);
    }

    /** The document of one event, or empty when it has no searchable text. */
    static Optional<Document> of(SessionFacts facts, RecordedEvent e) {
        return SearchableText.of(e.event()).map(text -> {
            Document d = new Document();
            d.add(new StringField(KEY, eventKey(e.session(), e.seq()).text(), Field.Store.NO));
            d.add(new StringField(KIND, EVENT, Field.Store.NO));
            d.add(new StringField(SESSION, e.session(), Field.Store.YES));
            d.add(new StoredField(SEQ, e.seq()));
            d.add(new NumericDocValuesField(SEQ, e.seq()));
            d.add(new LongPoint(AT, e.at()));
            d.add(new StoredField(AT, e.at()));
            d.add(new NumericDocValuesField(AT, e.at()));
            d.add(new StringField(TYPE, e.type().wireName(), Field.Store.YES));
            d.add(new StoredField(ROLE, e.actor().role().wireName()));
            d.add(new StoredField(ACTOR, e.actor().name()));
            d.add(new StringField(ORGANISATION, facts.organisationId(), Field.Store.NO));
            d.add(new StringField(
                    ORGANISATION_LABEL,
                    facts.organisationId() + LABEL_SEPARATOR + facts.organisationName(),
                    Field.Store.NO));
            d.add(new StringField(ENDPOINT, facts.endpointName(), Field.Store.YES));
            d.add(new StringField(TECHNICIAN, facts.technician(), Field.Store.NO));
            d.add(new TextField(TEXT, text, Field.Store.YES));
            return d;
        });
    }

    /** The outcome document of a closed session. */
    static Document closed(String session, Outcome outcome) {
        Document d = new Document();
        d.add(new StringField(KEY, sessionKey(session).text(), Field.Store.NO));
        d.add(new StringField(KIND, SESSION_KIND, Field.Store.NO));
        d.add(new StringField(SESSION, session, Field.Store.YES));
        d.add(new StringField(OUTCOME, outcome.wireName(), Field.Store.NO));
        d.add(new SortedDocValuesField(CLOSED_SESSION, new BytesRef(session)));
        return d;
    }

    /** The hit an event document stands for, with its snippet. */
    static SearchHit hit(Document d, Snippet snippet) {
        return new SearchHit(
                d.get(EventDocuments.SESSION),
                d.getField(EventDocuments.SEQ).numericValue().longValue(),
                d.getField(EventDocuments.AT).numericValue().longValue(),
                d.get(EventDocuments.TYPE),
                Role.ofWireName(d.get(EventDocuments.ROLE)),
                d.get(EventDocuments.ACTOR),
                d.get(EventDocuments.ENDPOINT),
                snippet);
    }
}
