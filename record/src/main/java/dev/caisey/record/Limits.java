package dev.caisey.record;

/**
 * Every size limit of the record and the wire protocol, in one place, each with its unit in its name.
 *
 * <p>Servers, agents and consoles enforce the same numbers, so a message one side accepts is never refused by the
 * other for its size.
 */
public final class Limits {
    /** Largest integer a record may hold: 2^53, so every JSON implementation reads it exactly. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_992L;

    /** Longest identifier (session, event, command, approval, key ids). */
    public static final int MAX_ID_CHARS = 128;

    /** Longest short text: names, ticket references, reasons, prompts. */
    public static final int MAX_SHORT_TEXT_CHARS = 1_000;

    /** Longest chat message, note, verification statement or resolution. */
    public static final int MAX_TEXT_CHARS = 8_000;

    /** Longest command script. */
    public static final int MAX_SCRIPT_CHARS = 64 * 1024;

    /** Largest output chunk in one {@code command.output} event. */
    public static final int MAX_OUTPUT_CHUNK_CHARS = 64 * 1024;

    /** Largest single wire message (one WebSocket text frame). */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;

    /** Deepest nesting of JSON objects and arrays accepted anywhere. */
    public static final int MAX_JSON_DEPTH = 16;

    /** Largest export file the verifier reads by default. */
    public static final long DEFAULT_MAX_EXPORT_BYTES = 512L * 1024 * 1024;

    private Limits() {}
}
