package dev.caisey.bench.crash;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The child JVM of the crash benchmark: runs server-lite's {@code ServerCrashIT} (from its test-jar) through the JUnit
 * platform, with the number of cycles in the system property {@code caisey.crash.cycles}, and exits with 0 if it
 * passed. The test prints one line per cycle, which the parent reads; a failure's message is printed after
 * {@link #FAILED}.
 */
public final class CrashCycles {
    /** The test that kills and restarts the server. */
    static final String TEST_CLASS = "dev.caisey.server.it.ServerCrashIT";

    /** The start of the line with the reason the test failed. */
    static final String FAILED = "caisey-bench-crash FAILED:";

    /** The line printed when the test passed. */
    static final String PASSED = "caisey-bench-crash PASSED";

    private CrashCycles() {}

    /** Runs the test once. */
    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TEST_CLASS))
                .build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.flush();
        if (summary.getTestsSucceededCount() == 1 && summary.getTotalFailureCount() == 0) {
            System.out.println(PASSED);
            System.exit(0);
        }
        String reason = summary.getFailures().isEmpty()
                ? "the test did not run (" + summary.getTestsFoundCount() + " found)"
                : summary.getFailures().getFirst().getException().toString().replace('\n', ' ');
        System.out.println(FAILED + " " + reason);
        System.exit(1);
    }
}
