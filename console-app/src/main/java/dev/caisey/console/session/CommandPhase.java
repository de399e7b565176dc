package dev.caisey.console.session;

/** Where a command stands, as a command card shows it. */
public enum CommandPhase {
    /** Asked for; the server has not held it for approval nor started it yet. */
    REQUESTED(false),
    /** Held until the client approves. */
    AWAITING_APPROVAL(false),
    /** The client approved; waiting for the agent to start it. */
    APPROVED(false),
    /** Running on the endpoint. */
    RUNNING(false),
    /** Finished with an exit code. */
    FINISHED(true),
    /** The client declined; it never ran. */
    DENIED(true),
    /** Nobody answered the approval in time; it never ran. */
    EXPIRED(true),
    /** Stopped before it finished (by the technician, or the agent could not run it). */
    CANCELLED(true),
    /** Ran longer than its limit and was stopped. */
    TIMED_OUT(true);

    private final boolean ended;

    CommandPhase(boolean ended) {
        this.ended = ended;
    }

    /** Whether nothing more will happen to the command. */
    public boolean ended() {
        return ended;
    }
}
