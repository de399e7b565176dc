package dev.caisey.record;

import java.util.Objects;

/**
 * The one unchecked exception of the record module: something about a record, an export or a wire message is wrong.
 *
 * <p>The message is a short sentence a person can act on; it never contains secrets. The {@link #code()} is stable and
 * is what the wire protocol sends.
 */
public final class RecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception with a code and a message a person can read. */
    public RecordException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception that wraps a lower-level cause (a parser or crypto exception). */
    public RecordException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
