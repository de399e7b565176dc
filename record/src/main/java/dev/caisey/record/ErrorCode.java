package dev.caisey.record;

/**
 * Stable error codes shared by the record, the verifier and the wire protocol.
 *
 * <p>A code never changes meaning once released: clients match on it, people read the message beside it. Codes are
 * sent on the wire in their lower-case, dotted {@link #wireName() wire form}.
 */
public enum ErrorCode {
    /** The input is not well-formed JSON (or not UTF-8). */
    MALFORMED("malformed"),
    /** The input is larger than the limit for its kind. */
    TOO_LARGE("too_large"),
    /** A member is missing, unknown, of the wrong type or out of range. */
    INVALID("invalid"),
    /** The {@code type} is not one this version knows. */
    UNKNOWN_TYPE("unknown_type"),
    /** The format or protocol version is not supported. */
    UNSUPPORTED_VERSION("unsupported_version"),
    /** An event's hash, its link to the previous event or its sequence number is wrong. */
    CHAIN_BROKEN("chain_broken"),
    /** A checkpoint signature does not verify, or was made by a key that is not trusted. */
    SIGNATURE_INVALID("signature_invalid"),
    /** The caller has not proved who they are, or their credentials expired. */
    UNAUTHENTICATED("unauthenticated"),
    /** The caller is known but their role does not allow this. */
    FORBIDDEN("forbidden"),
    /** The session, endpoint, command or approval named does not exist (or is not visible to the caller). */
    NOT_FOUND("not_found"),
    /** The request conflicts with the current state (a closed session, an approval already answered). */
    CONFLICT("conflict"),
    /** Too many requests; try again later. */
    RATE_LIMITED("rate_limited"),
    /** The server could not complete the request; nothing was changed. */
    INTERNAL("internal");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    /** The code as sent on the wire, e.g. {@code "chain_broken"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The code for a wire name.
     *
     * @throws RecordException with {@link #INVALID} if the name is not a known code
     */
    public static ErrorCode ofWireName(String name) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(name)) {
                return code;
            }
        }
        throw new RecordException(INVALID, "unknown error code '" + name + "'");
    }
}
