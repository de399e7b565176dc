package dev.caisey.console.search;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Outcome;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link SearchQuery} into a Lucene query: the words through Lucene's classic parser (all words must match, a
 * hyphenated word such as {@code Restart-Service} is a phrase, no leading wildcards, which would scan every term), the
 * filters as exact terms and a time range, and the outcome as the set of sessions closed that way. A syntax error
 * becomes one sentence about where it is, never the parser's grammar dump.
 */
final class QueryTranslator {
    private final Analyzer analyzer;

    QueryTranslator(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The words alone, for the highlighter; empty for a blank text. */
    Optional<Query> words(SearchQuery q) {
        if (q.text().isEmpty()) {
            return Optional.empty();
        }
        QueryParser parser = new QueryParser(EventDocuments.TEXT, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(false);
        try {
            return Optional.of(parser.parse(q.text()));
        } catch (ParseException e) {
            throw new ConsoleException(
                    ConsoleException.Failure.BAD_INPUT,
                    "The search could not be understood: " + reason(e)
                            + ". Put quotes around words with special characters such as : ( ) [ ] { } ~ * ? ^ /"
                            + " or \\, or search for plain words.",
                    e);
        }
    }

    /**
     * The whole query; {@code sessionsClosedAs} gives the sessions closed with an outcome (asked only when the query
     * filters by outcome).
     */
    Query query(SearchQuery q, Function<Outcome, Collection<String>> sessionsClosedAs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(EventDocuments.KIND, EventDocuments.EVENT)), Occur.FILTER);
        words(q).ifPresent(words -> b.add(words, Occur.MUST));
        exact(b, EventDocuments.ORGANISATION, q.organisationId());
        exact(b, EventDocuments.ENDPOINT, q.endpoint());
        exact(b, EventDocuments.TECHNICIAN, q.technician());
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : Micros.of(q.from());
            long toInclusive = q.to() == null ? Long.MAX_VALUE : Micros.of(q.to()) - 1;
            b.add(LongPoint.newRangeQuery(EventDocuments.AT, from, toInclusive), Occur.FILTER);
        }
        if (q.outcome() != null) {
            Collection<String> sessions = sessionsClosedAs.apply(q.outcome());
            b.add(
                    sessions.isEmpty()
                            ? new MatchNoDocsQuery(
                                    "no session closed as " + q.outcome().wireName())
                            : new TermInSetQuery(
                                    EventDocuments.SESSION,
                                    sessions.stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
        }
        return b.build();
    }

    private static void exact(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /** Where the syntax went wrong, in words. */
    static String reason(ParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
            Token last = p.currentToken;
            Token next = last.next;
            if (next.kind == 0) {
                return last.image == null || last.image.isEmpty()
                        ? "it is empty"
                        : "it ends too early, something is missing after \"" + last.image + "\"";
            }
            return "\"" + next.image + "\" cannot stand at character " + next.beginColumn;
        }
        if (cause instanceof TokenMgrError) {
            return "it ends in the middle of a word, a quote or after a backslash";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("not allowed as first character")) {
            return "a word cannot start with * or ?";
        }
        return "it does not follow the search syntax";
    }
}
