package dev.caisey.console.search;

import java.util.List;

/**
 * The answer to one {@link SearchQuery}: how many events matched in all, and the newest of them up to the query's
 * limit.
 *
 * @param totalHits every matching event, beyond the limit too
 * @param hits the newest matching events, newest first
 */
public record SearchResults(long totalHits, List<SearchHit> hits) {
    /** Copies the hits. */
    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** Whether more events matched than were returned. */
    public boolean truncated() {
        return totalHits > hits.size();
    }
}
