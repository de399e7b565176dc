package dev.caisey.report;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.util.Objects;

/**
 * The one unchecked exception of the report module: a record cannot be rendered, signed or sent.
 *
 * <p>It reuses the record module's stable {@link ErrorCode}s, so the console and the server report a failed export
 * the same way they report a bad record: {@link ErrorCode#INVALID} or {@link ErrorCode#UNSUPPORTED_VERSION} for input
 * that is not a Caisey record, {@link ErrorCode#SIGNATURE_INVALID} for a key or certificate that cannot sign, {@link
 * ErrorCode#INTERNAL} for a failure to write. The message is a short sentence a person can act on and never contains
 * secrets.
 */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception with a code and a message a person can read. */
    public ReportException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception that wraps a lower-level cause (an I/O, PDF or crypto exception). */
    public ReportException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Wraps a record module exception, keeping its code and message. */
    public static ReportException of(RecordException cause) {
        return new ReportException(cause.code(), cause.getMessage(), cause);
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
