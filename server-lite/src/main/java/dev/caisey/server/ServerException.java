package dev.caisey.server;

import dev.caisey.record.ErrorCode;
import java.util.Objects;

/**
 * The one unchecked exception of the server: a request cannot be carried out. Its {@link #code()} is the stable code the
 * protocol sends in an {@code error} frame; its message is a short sentence for the person on the other side and never
 * contains a secret.
 */
public final class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** A refusal with a stable code and words a person can act on. */
    public ServerException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A failure caused by a lower layer (storage, crypto, I/O), wrapped at the boundary. */
    public ServerException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
