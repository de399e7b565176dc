package dev.caisey.console.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A short piece of an event's text around what matched, as plain text with the matched ranges beside it. The view
 * renders the ranges as bold text nodes; no markup ever travels inside the text, so nothing a client or an agent wrote
 * can be taken for formatting.
 *
 * @param text the piece of text, on one line (line breaks and tabs are shown as spaces)
 * @param matches the matched ranges, in order, not overlapping, within {@code text}
 */
public record Snippet(String text, List<Range> matches) {

    /** A matched range: {@code [start, end)} in characters of the snippet's text. */
    public record Range(int start, int end) {
        /** Checks {@code 0 <= start < end}. */
        public Range {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a range runs from 0 <= start < end; found " + start + ".." + end);
            }
        }
    }

    /** One piece of the snippet, emphasised or not. */
    public record Part(String text, boolean match) {}

    /** Copies the ranges and checks they lie within the text, in order. */
    public Snippet {
        matches = List.copyOf(matches);
        int last = 0;
        for (Range r : matches) {
            if (r.start() < last || r.end() > text.length()) {
                throw new IllegalArgumentException("the matches of a snippet lie in order within its " + text.length()
                        + " characters; found " + matches);
            }
            last = r.end();
        }
    }

    /** Text without any match (an event found by its filters only). */
    public static Snippet plain(String text) {
        return new Snippet(text, List.of());
    }

    /** The text cut into plain and matched parts, in order, for a view to draw. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (Range r : matches) {
            if (r.start() > at) {
                parts.add(new Part(text.substring(at, r.start()), false));
            }
            parts.add(new Part(text.substring(r.start(), r.end()), true));
            at = r.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }

    /** The matched words, in order. */
    public List<String> matchedText() {
        return matches.stream().map(r -> text.substring(r.start(), r.end())).toList();
    }
}
