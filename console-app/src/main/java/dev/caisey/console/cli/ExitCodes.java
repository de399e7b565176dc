package dev.caisey.console.cli;

import dev.caisey.console.ConsoleException;

/** The exit statuses of {@code caisey}, for scripts; {@code --help} lists them. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;

    /** The server could not be reached or did not answer; trying again later may work. */
    public static final int FAILED = 1;

    /** The command line was wrong, or a value on it cannot be used. */
    public static final int USAGE = 2;

    /** Refused: by the server (its words say why), or a server certificate that is not the trusted one. */
    public static final int REFUSED = 3;

    /** Not signed in (never, signed out, or the sign-in expired): run {@code caisey login}. */
    public static final int NOT_SIGNED_IN = 4;

    /** {@code session exec}: the client declined the command; it did not run. */
    public static final int DENIED = 120;

    /** {@code session exec}: nobody answered the approval in time; the command did not run. */
    public static final int APPROVAL_EXPIRED = 121;

    /** {@code session exec}: the command was stopped before it finished. */
    public static final int CANCELLED = 122;

    /** {@code session exec}: the command ran longer than its limit and was stopped. */
    public static final int TIMED_OUT = 124;

    /** {@code session exec}: caisey itself failed (connection, refusal); the command's fate is in the record. */
    public static final int EXEC_FAILED = 125;

    private ExitCodes() {}

    /** The status for a failure of the client core. */
    static int of(ConsoleException e) {
        return switch (e.failure()) {
            case CONNECTION, TIMEOUT, LOCAL_FILES -> FAILED;
            case BAD_INPUT -> USAGE;
            case REFUSED, UNTRUSTED, BROKEN_RECORD -> REFUSED;
            case NOT_SIGNED_IN -> NOT_SIGNED_IN;
        };
    }
}
