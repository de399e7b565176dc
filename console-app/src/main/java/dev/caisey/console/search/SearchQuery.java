package dev.caisey.console.search;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.Outcome;
import java.time.Instant;
import java.util.Objects;

/**
 * One question to the {@link SearchIndex}: words in Lucene's query syntax ({@code spooler}, {@code "print spooler"},
 * {@code restart AND NOT denied}, {@code spool*}; all words must match unless {@code OR} says otherwise) and optional
 * filters. A blank text with filters lists every searchable event they let through. Hits always come newest first:
 * people look for "when did we last…", and a stable order keeps the list from jumping between searches.
 *
 * @param text the words; blank means "everything the filters let through"
 * @param organisationId only sessions for this client organisation, or {@code null}
 * @param endpoint only sessions on the endpoint with this host name, or {@code null}
 * @param technician only sessions opened by the technician with this name, or {@code null}
 * @param from only events at or after this instant, or {@code null}
 * @param to only events before this instant (exclusive), or {@code null}
 * @param outcome only sessions closed with this outcome, or {@code null}
 * @param limit at most this many hits, 1 to {@value #MAX_LIMIT}
 */
public record SearchQuery(
        String text,
        String organisationId,
        String endpoint,
        String technician,
        Instant from,
        Instant to,
        Outcome outcome,
        int limit) {
    /** Hits returned when the caller does not say. */
    public static final int DEFAULT_LIMIT = 100;

    /** The most hits one search returns; beyond that the words should be more precise. */
    public static final int MAX_LIMIT = 1_000;

    /** The longest search text, in characters. */
    public static final int MAX_TEXT_CHARS = 1_000;

    /**
     * Checks the limit, the length of the text and the time range; blank filters are no filters.
     *
     * @throws ConsoleException ({@link ConsoleException.Failure#BAD_INPUT}) saying what was wrong
     */
    public SearchQuery {
        text = text == null ? "" : text.strip();
        organisationId = blankToNull(organisationId);
        endpoint = blankToNull(endpoint);
        technician = blankToNull(technician);
        if (text.length() > MAX_TEXT_CHARS) {
            throw bad("The search text is " + text.length() + " characters long; at most " + MAX_TEXT_CHARS
                    + " are allowed.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw bad("A search returns 1 to " + MAX_LIMIT + " hits; " + limit + " were asked for.");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("The start of the time range (" + from + ") must be before its end (" + to + ").");
        }
    }

    /** Words only, no filters, {@value #DEFAULT_LIMIT} hits at most. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /** The same question for one organisation. */
    public SearchQuery withOrganisation(String id) {
        return new SearchQuery(text, id, endpoint, technician, from, to, outcome, limit);
    }

    /** The same question for one endpoint. */
    public SearchQuery withEndpoint(String name) {
        return new SearchQuery(text, organisationId, name, technician, from, to, outcome, limit);
    }

    /** The same question for one technician. */
    public SearchQuery withTechnician(String name) {
        return new SearchQuery(text, organisationId, endpoint, name, from, to, outcome, limit);
    }

    /** The same question within {@code [start, end)}; either may be {@code null} for an open end. */
    public SearchQuery within(Instant start, Instant end) {
        return new SearchQuery(text, organisationId, endpoint, technician, start, end, outcome, limit);
    }

    /** The same question for sessions closed with {@code result}. */
    public SearchQuery withOutcome(Outcome result) {
        return new SearchQuery(text, organisationId, endpoint, technician, from, to, result, limit);
    }

    /** The same question with another limit. */
    public SearchQuery withLimit(int hits) {
        return new SearchQuery(text, organisationId, endpoint, technician, from, to, outcome, hits);
    }

    /** Whether the question has neither words nor filters (it would list everything). */
    public boolean isEmpty() {
        return text.isEmpty()
                && Objects.isNull(organisationId)
                && Objects.isNull(endpoint)
                && Objects.isNull(technician)
                && Objects.isNull(from)
                && Objects.isNull(to)
                && Objects.isNull(outcome);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ConsoleException bad(String message) {
        return new ConsoleException(ConsoleException.Failure.BAD_INPUT, message);
    }
}
