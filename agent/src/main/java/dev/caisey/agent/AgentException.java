package dev.caisey.agent;

/**
 * The one unchecked exception of the agent: something the agent cannot do, with a {@link Failure} that says whether
 * retrying can help. The message is a short sentence a person can act on and never contains a secret.
 */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the agent failed; {@link #fatal()} ones stop the service instead of being retried. */
    public enum Failure {
        /** The server's certificate is not the pinned one. */
        FINGERPRINT_MISMATCH(true),
        /** The server refused the agent's identity (revoked, or unknown to it). */
        IDENTITY_REFUSED(true),
        /** The server refused the enrollment token. */
        ENROLLMENT_REFUSED(true),
        /** The data folder holds no usable identity, or one cannot be stored. */
        IDENTITY_STORE(true),
        /** The local journal cannot be read or written. */
        JOURNAL(true),
        /** The connection failed or broke; try again later. */
        CONNECTION(false),
        /** A command cannot run on this endpoint (shell, working directory); it is reported as cancelled. */
        COMMAND_REFUSED(false);

        private final boolean fatal;

        Failure(boolean fatal) {
            this.fatal = fatal;
        }

        /** Whether the service stops on this failure instead of retrying. */
        public boolean fatal() {
            return fatal;
        }
    }

    private final Failure failure;

    /** A failure with a sentence a person can act on. */
    public AgentException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    /** A failure that wraps a lower-level cause. */
    public AgentException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** Why it failed. */
    public Failure failure() {
        return failure;
    }
}
