package dev.caisey.console.workspace;

import java.util.regex.Pattern;

/**
 * Removes terminal escape sequences (colours, cursor moves, window titles) from command output, so a coloured {@code
 * ls} or PowerShell error reads as plain text. A sequence cut in two by chunking is held back until its end arrives.
 */
final class Ansi {
    private static final Pattern SEQUENCE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor
                    + "|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)" // OSC: window titles, links
                    + "|\u001B[@-Z\\\\-_]" // two-character escapes
                    + "|\u009B[0-?]*[ -/]*[@-~]");

    /** How much of an unfinished sequence is held back at most before it is shown as it is. */
    static final int MAX_HELD_CHARS = 64;

    private String held = "";

    /** The text of the next chunk without escape sequences; an unfinished one at its end waits for the next chunk. */
    String strip(String chunk) {
        String text = held + chunk;
        held = "";
        int esc = text.lastIndexOf('\u001B');
        if (esc >= 0 && text.length() - esc < MAX_HELD_CHARS && !complete(text.substring(esc))) {
            held = text.substring(esc);
            text = text.substring(0, esc);
        }
        return strip(text, true);
    }

    /** {@code text} without escape sequences (and without stray escape characters). */
    static String stripAll(String text) {
        return strip(text, true);
    }

    private static String strip(String text, boolean dropStray) {
        if (text.indexOf('\u001B') < 0 && text.indexOf('\u009B') < 0) {
            return text;
        }
        String clean = SEQUENCE.matcher(text).replaceAll("");
        return dropStray ? clean.replace("\u001B", "") : clean;
    }

    private static boolean complete(String tail) {
        return SEQUENCE.matcher(tail).lookingAt();
    }
}
