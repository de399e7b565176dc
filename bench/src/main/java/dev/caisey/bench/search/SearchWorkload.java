package dev.caisey.bench.search;

import dev.caisey.console.search.SearchQuery;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The questions of the search benchmark, from a fixed seed, in the proportions a manager might ask them: a common
 * word (thousands of hits), a rare code (a handful), a phrase, a word with a prefix wildcard, and words narrowed by an
 * organisation, a week or an outcome. Each question's first word is its "main word", which the {@code LIKE} baseline
 * scans for.
 */
final class SearchWorkload {
    private final Random random;
    private final int sessions;
    private final SyntheticMirror words;

    SearchWorkload(long seed, int sessions) {
        this.random = new Random(seed);
        this.words = new SyntheticMirror(seed + 1);
        this.sessions = sessions;
    }

    /** {@code count} questions, mixed in a fixed rotation. */
    List<SearchQuery> questions(int count) {
        List<SearchQuery> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(question(i % 10));
        }
        return list;
    }

    private SearchQuery question(int kind) {
        String word = words.pick(SyntheticMirror.WORDS);
        String service = words.pick(SyntheticMirror.SERVICES);
        return switch (kind) {
            case 0, 1, 2 -> SearchQuery.of(word);
            case 3 -> SearchQuery.of("0x8007" + String.format(Locale.ROOT, "%04X", random.nextInt(0x10000)));
            case 4 -> SearchQuery.of("KB50" + (10_000 + random.nextInt(90_000)));
            case 5 -> SearchQuery.of(service + " AND \"" + word + " " + words.pick(SyntheticMirror.WORDS) + "\"");
            case 6 -> SearchQuery.of(word.substring(0, Math.min(4, word.length())) + "*");
            case 7 -> SearchQuery.of(word).withOrganisation("o-" + random.nextInt(SyntheticMirror.ORGANISATIONS));
            case 8 -> {
                Instant from = Micros.toInstant(SyntheticMirror.START_MICROS
                        + random.nextInt(sessions) * SyntheticMirror.SESSION_SPACING_MICROS);
                yield SearchQuery.of(word + " " + service).within(from, from.plus(Duration.ofDays(7)));
            }
            default -> SearchQuery.of(service).withOutcome(Outcome.ESCALATED);
        };
    }

    /** The question's first word, without quotes or wildcard: what the baseline scans for. */
    static String mainWord(SearchQuery q) {
        String first = q.text().split("\\s+")[0];
        return first.replace("\"", "").replace("*", "");
    }
}
