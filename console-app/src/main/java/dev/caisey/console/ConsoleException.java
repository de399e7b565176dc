package dev.caisey.console;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.protocol.ErrorReply;

/**
 * The one unchecked exception of the client core: something the console cannot do, with a {@link Failure} that says
 * what kind of trouble it is and the protocol's {@link ErrorCode} (the server's own code when the server refused).
 * The message is a short sentence a person can act on and never contains a password or token.
 */
public final class ConsoleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of trouble it is; the command line maps each to an exit status. */
    public enum Failure {
        /** The server could not be reached, or the connection broke; trying again later may work. */
        CONNECTION(ErrorCode.INTERNAL),
        /** The server's certificate is not the one this computer trusts, or it was not confirmed. */
        UNTRUSTED(ErrorCode.FORBIDDEN),
        /** There is no sign-in to use (never signed in, signed out, or the token expired). */
        NOT_SIGNED_IN(ErrorCode.UNAUTHENTICATED),
        /** The server refused a request; {@link #code()} is its code. */
        REFUSED(ErrorCode.INVALID),
        /** The server did not answer in time. */
        TIMEOUT(ErrorCode.INTERNAL),
        /** A file in the console's configuration folder cannot be read or written. */
        LOCAL_FILES(ErrorCode.INTERNAL),
        /** An event the server sent does not fit the record the console holds (wrong hash or chain). */
        BROKEN_RECORD(ErrorCode.CHAIN_BROKEN),
        /** What the user typed cannot be used. */
        BAD_INPUT(ErrorCode.INVALID);

        private final ErrorCode code;

        Failure(ErrorCode code) {
            this.code = code;
        }

        /** The protocol code that fits a failure of this kind when the server gave none. */
        public ErrorCode code() {
            return code;
        }
    }

    private final Failure failure;
    private final ErrorCode code;

    /** A failure with a sentence a person can act on. */
    public ConsoleException(Failure failure, String message) {
        this(failure, failure.code(), message, null);
    }

    /** A failure that wraps a lower-level cause. */
    public ConsoleException(Failure failure, String message, Throwable cause) {
        this(failure, failure.code(), message, cause);
    }

    private ConsoleException(Failure failure, ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.code = code;
    }

    /**
     * The server's refusal: its code and its words. An {@code unauthenticated} refusal is {@link
     * Failure#NOT_SIGNED_IN}, every other one {@link Failure#REFUSED}.
     */
    public static ConsoleException refused(ErrorReply reply) {
        Failure failure = reply.code() == ErrorCode.UNAUTHENTICATED ? Failure.NOT_SIGNED_IN : Failure.REFUSED;
        return new ConsoleException(failure, reply.code(), reply.message(), null);
    }

    /** What kind of trouble it is. */
    public Failure failure() {
        return failure;
    }

    /** The protocol's code: the server's own for a refusal, else the one that fits the {@link #failure()}. */
    public ErrorCode code() {
        return code;
    }
}
