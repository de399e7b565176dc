package dev.caisey.agent.cli;

/** The exit statuses of {@code caisey-agent}, for scripts and service managers. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;

    /** Failed; trying again later may work (the server was unreachable). */
    public static final int FAILED = 1;

    /** The command line was wrong. */
    public static final int USAGE = 2;

    /** Refused: wrong certificate fingerprint, enrollment token or identity refused, revoked. Needs a person. */
    public static final int REFUSED = 3;

    private ExitCodes() {}
}
