package dev.caisey.bench.footprint;

/**
 * The footprint baseline: a JVM that loads nothing and sleeps, run with the agent's JVM options. Its memory is what the
 * runtime costs before the agent's first class.
 */
public final class IdleJvm {
    /** The longest it sleeps if nobody stops it, in milliseconds. */
    static final long MAX_SLEEP_MILLIS = 10 * 60 * 1000L;

    private IdleJvm() {}

    /** Sleeps until killed, at most {@link #MAX_SLEEP_MILLIS}. */
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(MAX_SLEEP_MILLIS);
    }
}
