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

    // The wire protocol's own limits: what a single message may ask for or carry.

    /** Longest secret token: enrollment tokens, session tokens. */
    public static final int MAX_TOKEN_CHARS = 512;

    /** Longest password a console may send. */
    public static final int MAX_PASSWORD_CHARS = 1_024;

    /** Longest URL in a message (the client's join link). */
    public static final int MAX_URL_CHARS = 2_048;

    /** Length of the server's challenge nonce before base64. */
    public static final int NONCE_BYTES = 32;

    /** Length of an Ed25519 signature before base64. */
    public static final int SIGNATURE_BYTES = 64;

    /** Longest base64 public key an agent may register (an Ed25519 SubjectPublicKeyInfo needs 60). */
    public static final int MAX_PUBLIC_KEY_CHARS = 200;

    /** Longest time a command may be given to run, as in a {@code command.requested} event: one day. */
    public static final int MAX_COMMAND_TIMEOUT_SECONDS = 86_400;

    /** Most output characters (all channels together) an agent may be told to send for one command. */
    public static final int MAX_COMMAND_OUTPUT_CHARS = 16 * 1024 * 1024;

    /** Longest time a client may be given to answer an approval: one hour. */
    public static final int MAX_APPROVAL_WAIT_SECONDS = 3_600;

    /** Most event ids acknowledged in one {@code agent.ack}. */
    public static final int MAX_ACK_EVENT_IDS = 1_000;

    /** Most sessions listed in one {@code sessions} message. */
    public static final int MAX_SESSIONS_PER_MESSAGE = 500;

    /** Most endpoints listed in one {@code endpoints} message. */
    public static final int MAX_ENDPOINTS_PER_MESSAGE = 1_000;

    private Limits() {}
}
