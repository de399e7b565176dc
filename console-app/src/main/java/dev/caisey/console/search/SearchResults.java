package dev.caisey.console.search;

import java.util.List;

/**
 * The answer to one {@link SearchQuery}: how many events matched in all, and the newest of them up to the query's
 * limit. Counting stops at {@link SearchIndex#EXACT_COUNT_UP_TO}: past that, finding the newest hits can skip whole
 * stretches of the index, and "more than 10,000" is all a person needs to know.
 *
 * @param totalHits every matching event, beyond the limit too; a lower bound when not {@code exact}
 * @param exact whether {@code totalHits} is the exact count
 * @param hits the newest matching events, newest first
 */
public record SearchResults(long totalHits, boolean exact, List<SearchHit> hits) {
    /** Copies the hits. */
    public SearchResults {
        hits = List.copyOf(hits);
    }

    /** Whether more events matched than were returned. */
    public boolean truncated() {
        return totalHits > hits.size();
    }
}
