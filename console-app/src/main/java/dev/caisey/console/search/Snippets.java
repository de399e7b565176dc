package dev.caisey.console.search;

import dev.caisey.record.Limits;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippets of a page of hits: Lucene's unified highlighter picks the best piece of each event's text, about
 * {@value #SNIPPET_CHARS} characters around the matches, and a formatter of our own hands back the piece as plain text
 * with the matched ranges ({@link Snippet}) instead of the usual HTML with {@code <b>} tags.
 */
final class Snippets {
    /** The length a snippet aims at, in characters. */
    static final int SNIPPET_CHARS = 160;

    /** Where the first match sits in a snippet: 0 at its start, 1 at its end. */
    private static final float MATCH_IN_THE_MIDDLE = 0.5f;

    private final Analyzer analyzer;

    Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The snippet of each of the {@code stored} texts of a page of hits, in their order. */
    List<Snippet> of(Query words, List<String> stored) throws IOException {
        List<Snippet> snippets = new ArrayList<>(stored.size());
        if (words == null) {
            stored.forEach(text -> snippets.add(beginning(text)));
            return snippets;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new RangeFormatter())
                .withMaxLength(Limits.MAX_OUTPUT_CHUNK_CHARS + 1)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, MATCH_IN_THE_MIDDLE))
                .build();
        for (String text : stored) {
            Object found = highlighter.highlightWithoutSearcher(EventDocuments.TEXT, words, text, 1);
            snippets.add(found instanceof Snippet s ? s : beginning(text));
        }
        return snippets;
    }

    /** The start of a text without matches. */
    static Snippet beginning(String text) {
        return Snippet.plain(oneLine(text.substring(0, Math.min(text.length(), SNIPPET_CHARS)))
                .strip());
    }

    /** Line breaks and tabs as spaces, one for one, so ranges stay where they were. */
    static String oneLine(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isISOControl(chars[i])) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /** Formats the best passage as a {@link Snippet}. */
    private static final class RangeFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) {
                return null;
            }
            Passage p = passages[0];
            int start = p.getStartOffset();
            String raw = content.substring(start, p.getEndOffset());
            int lead = raw.length() - raw.stripLeading().length();
            String text = oneLine(raw.strip());
            List<Snippet.Range> ranges = new ArrayList<>();
            int last = 0;
            for (int i = 0; i < p.getNumMatches(); i++) {
                int from = Math.max(last, p.getMatchStarts()[i] - start - lead);
                int to = Math.min(text.length(), p.getMatchEnds()[i] - start - lead);
                if (to > from) {
                    ranges.add(new Snippet.Range(from, to));
                    last = to;
                }
            }
            return new Snippet(text, ranges);
        }
    }
}
