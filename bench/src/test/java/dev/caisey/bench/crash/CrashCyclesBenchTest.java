package dev.caisey.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.bench.Result;
import org.junit.jupiter.api.Test;

/** How the crash benchmark reads the lines {@code ServerCrashIT} prints. */
class CrashCyclesBenchTest {
    private static final String TWO_CYCLES = """
            cycle 1: acknowledged 900 (total 900), found 900 (stored 950 events in 4 sessions; 0 reports resent so far)
            cycle 2: acknowledged 700 (total 1600), found 1600 (stored 1660 events in 4 sessions; 3 reports resent so far)
            """;

    @Test
    void countsNothingLostWhenEveryCycleFoundWhatWasAcknowledged() {
        Result r = CrashCyclesBench.result(
                2,
                0,
                TWO_CYCLES + "after closing: acknowledged 1604, found 1604 (stored …)\n" + CrashCycles.PASSED + "\n");
        assertThat(r.value()).isZero();
        assertThat(r.name()).contains("2 SIGKILL cycle(s)", "1,604 acknowledged", "test passed");
        assertThat(r.met()).as("fewer cycles than the goal prove nothing").isNull();
    }

    @Test
    void reportsTheLargestShortfallAndTheFailure() {
        String log = TWO_CYCLES
                + "cycle 3: acknowledged 500 (total 2100), found 2093 (stored …)\n"
                + CrashCycles.FAILED + " org.opentest4j.AssertionFailedError: expected: 2100 but was: 2093\n";
        Result r = CrashCyclesBench.result(200, 1, log);
        assertThat(r.value()).isEqualTo(7);
        assertThat(r.name()).contains("test FAILED after 3 cycle(s)", "expected: 2100");
        assertThat(r.met()).isFalse();
    }

    @Test
    void meetsTheGoalOnlyWithTwoHundredCleanCycles() {
        Result r = CrashCyclesBench.result(
                200, 0, "cycle 200: acknowledged 5 (total 99000), found 99000\n" + CrashCycles.PASSED + "\n");
        assertThat(r.met()).isTrue();
        assertThat(CrashCyclesBench.result(200, 1, "cycle 200: acknowledged 5 (total 9), found 9\n")
                        .met())
                .as("a test that did not pass never meets the goal")
                .isFalse();
    }
}
