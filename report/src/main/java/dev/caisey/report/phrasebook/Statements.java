package dev.caisey.report.phrasebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements and a statement into pipeline stages, outside quotes. Good enough for reading
 * what a command does; it is not a shell parser and never decides what runs.
 */
final class Statements {
    private Statements() {}

    /** The statements of a script: split at {@code ;}, {@code &&}, {@code ||} and line ends outside quotes. */
    static List<String> split(String script) {
        return splitOutsideQuotes(script, false);
    }

    /** The stages of a pipeline: split at a single {@code |} outside quotes. */
    static List<String> stages(String statement) {
        return splitOutsideQuotes(statement, true);
    }

    private static List<String> splitOutsideQuotes(String text, boolean pipes) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (!pipes && (c == ';' || c == '\n' || c == '\r')) {
                cut(parts, current);
            } else if (!pipes && (c == '&' && next == '&' || c == '|' && next == '|')) {
                cut(parts, current);
                i++;
            } else if (pipes && c == '|' && next != '|') {
                cut(parts, current);
            } else {
                current.append(c);
            }
        }
        cut(parts, current);
        return parts;
    }

    private static void cut(List<String> parts, StringBuilder current) {
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        current.setLength(0);
    }
}
