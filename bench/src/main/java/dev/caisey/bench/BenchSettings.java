package dev.caisey.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much work each benchmark does: {@link #quick()} (the default, a few minutes on 2 cores), {@link #full()} (the
 * figures committed in {@code bench/results}) and {@link #smoke()} (seconds; only checks that everything runs).
 *
 * @param mode the name shown in the results
 * @param verifyEvents events in the session whose export is verified
 * @param verifyRuns timed runs of the verifier and of the baseline (after as many warm-up runs); the median counts
 * @param appendSessions concurrent sessions appending through the group committer
 * @param appendEventsPerSession events each of them appends
 * @param settle how long the agent (and the empty JVM) run before idle memory is sampled
 * @param idleSamples how many idle memory samples are taken
 * @param sampleEvery the time between two memory samples
 * @param commandRounds rounds of output of the command run during the footprint benchmark (each ~20 KB, then 0.1 s)
 * @param relayRoundTrips timed relay round trips (and as many echo round trips), after a tenth as many to warm up
 * @param pdfEvents events in the session rendered warm as a PDF
 * @param pdfRuns timed PDF renders (and as many plain tables), after as many warm-up renders; the median counts
 * @param pdfBigEvents events in the session rendered in a child JVM with a 512 MB heap, 0 to leave it out
 * @param idleAgents authenticated idle agent connections the server is asked to hold
 * @param idleWindow how long the server's CPU is measured while the agents only send heartbeats (after a pause as
 *     long, to let the JIT settle)
 * @param crashCycles SIGKILL cycles of the crash benchmark
 * @param searchEvents mirrored events indexed for the search benchmark (and put in the H2 baseline table)
 * @param searchQueries timed searches (after as many untimed ones)
 * @param searchBaselineQueries how many of those queries the H2 {@code LIKE} baseline also runs (it is slow)
 * @param timelineEvents events in the mirrored session opened in the timeline
 * @param timelineRuns timed openings of that timeline (and as many baseline reads), after as many untimed ones; the
 *     median counts
 * @param agentJvmOptions the agent's JVM options (the baseline JVM gets the same)
 */
public record BenchSettings(
        String mode,
        int verifyEvents,
        int verifyRuns,
        int appendSessions,
        int appendEventsPerSession,
        Duration settle,
        int idleSamples,
        Duration sampleEvery,
        int commandRounds,
        int relayRoundTrips,
        int pdfEvents,
        int pdfRuns,
        int pdfBigEvents,
        int idleAgents,
        Duration idleWindow,
        int crashCycles,
        int searchEvents,
        int searchQueries,
        int searchBaselineQueries,
        int timelineEvents,
        int timelineRuns,
        List<String> agentJvmOptions) {
    /**
     * The agent's JVM options: the launcher's ({@code -XX:+UseSerialGC -Xshare:auto}) plus a small heap, C1 only and a
     * small code cache and thread stacks. An idle agent allocates little and compiles little, so these cost it nothing
     * it needs.
     */
    public static final String DEFAULT_AGENT_JVM_OPTIONS = "-XX:+UseSerialGC -Xshare:auto -Xms8m -Xmx48m"
            + " -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -Xss512k";

    /** {@link #DEFAULT_AGENT_JVM_OPTIONS} as a list. */
    public static final List<String> AGENT_JVM_OPTIONS = List.of(DEFAULT_AGENT_JVM_OPTIONS.split(" "));

    /** Copies the options. */
    public BenchSettings {
        agentJvmOptions = List.copyOf(agentJvmOptions);
    }

    /** The default: every benchmark, small enough to finish well under five minutes on two cores. */
    public static BenchSettings quick() {
        return new BenchSettings(
                "quick",
                100_000,
                3,
                1_000,
                20,
                Duration.ofSeconds(5),
                5,
                Duration.ofMillis(500),
                50,
                300,
                1_000,
                3,
                0,
                1_000,
                Duration.ofSeconds(15),
                5,
                100_000,
                200,
                50,
                100_000,
                5,
                AGENT_JVM_OPTIONS);
    }

    /** {@code --full}: larger sessions, more runs and longer sampling. */
    public static BenchSettings full() {
        return new BenchSettings(
                "full",
                300_000,
                5,
                1_000,
                100,
                Duration.ofSeconds(15),
                10,
                Duration.ofMillis(500),
                100,
                2_000,
                1_000,
                9,
                100_000,
                20_000,
                Duration.ofSeconds(60),
                200,
                1_000_000,
                200,
                50,
                100_000,
                9,
                AGENT_JVM_OPTIONS);
    }

    /** Seconds of work: for the test that checks the bench runs and writes its results. */
    public static BenchSettings smoke() {
        return new BenchSettings(
                "smoke",
                2_000,
                1,
                20,
                5,
                Duration.ofSeconds(1),
                2,
                Duration.ofMillis(200),
                3,
                20,
                200,
                1,
                300,
                20,
                Duration.ofSeconds(2),
                1,
                5_000,
                20,
                5,
                2_000,
                1,
                AGENT_JVM_OPTIONS);
    }

    /** The same settings with other agent JVM options. */
    public BenchSettings withAgentJvmOptions(List<String> options) {
        return new BenchSettings(
                mode,
                verifyEvents,
                verifyRuns,
                appendSessions,
                appendEventsPerSession,
                settle,
                idleSamples,
                sampleEvery,
                commandRounds,
                relayRoundTrips,
                pdfEvents,
                pdfRuns,
                pdfBigEvents,
                idleAgents,
                idleWindow,
                crashCycles,
                searchEvents,
                searchQueries,
                searchBaselineQueries,
                timelineEvents,
                timelineRuns,
                options);
    }
}
