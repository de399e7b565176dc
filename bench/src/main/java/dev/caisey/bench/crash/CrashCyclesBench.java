package dev.caisey.bench.crash;

import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.footprint.ChildJvm;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash cycles (issue 12): server-lite's own crash test, {@code ServerCrashIT}, run in a child JVM for the number of
 * SIGKILL cycles of the settings ({@link CrashCycles}). Under load (consoles chatting, an agent streaming output) a
 * real {@code caisey-server} is killed at a random moment and restarted on the same data, again and again; after each
 * kill the store must hold every event the server acknowledged. Reported: acknowledged events lost (goal 0 over 200
 * cycles), read from the lines the test prints. It needs server-lite's test-jar and the JUnit platform on the class
 * path, which the bench module has and an installed {@code caisey-bench} does not: there it is skipped, and says so.
 */
public final class CrashCyclesBench {
    /** Goal of issue 12: cycles. */
    public static final int GOAL_CYCLES = 200;

    /** Time allowed per cycle (the test's own limit is 15 s). */
    static final Duration PER_CYCLE = Duration.ofSeconds(20);

    /** Time allowed for the set-up and the last start. */
    static final Duration SET_UP = Duration.ofSeconds(90);

    private static final Pattern CYCLE =
            Pattern.compile("cycle (\\d+): acknowledged \\d+ \\(total (\\d+)\\), found (\\d+)");
    private static final Pattern CLOSING = Pattern.compile("after closing: acknowledged (\\d+), found (\\d+)");
    private static final System.Logger LOG = System.getLogger(CrashCyclesBench.class.getName());

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public CrashCyclesBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Whether server-lite's crash test and the JUnit platform are on the class path. */
    public static boolean reachable() {
        try {
            ClassLoader loader = CrashCyclesBench.class.getClassLoader();
            Class.forName(CrashCycles.TEST_CLASS, false, loader);
            Class.forName("org.junit.platform.launcher.core.LauncherFactory", false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Runs the cycles and returns the one figure, or nothing if the crash test is not on the class path. */
    public List<Result> run() throws InterruptedException {
        if (!reachable()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "crash cycles skipped: server-lite's test-jar and the JUnit platform are not on the class path"
                            + " (run caisey-bench from the bench module)");
            return List.of();
        }
        int cycles = settings.crashCycles();
        try (Scratch scratch = Scratch.create("caisey-bench-crash");
                ChildJvm test = ChildJvm.start(
                        List.of("-Dcaisey.crash.cycles=" + cycles, "-Djava.io.tmpdir=" + scratch.dir()),
                        CrashCycles.class.getName(),
                        List.of(),
                        scratch.dir().resolve("crash.log"))) {
            int status = test.await(SET_UP.plus(PER_CYCLE.multipliedBy(cycles)));
            return List.of(result(cycles, status, test.logText()));
        }
    }

    /** Reads the test's lines: the largest gap between acknowledged and found, the cycles done, the verdict. */
    static Result result(int cycles, int status, String log) {
        long lost = 0;
        long acknowledged = 0;
        int done = 0;
        Matcher cycle = CYCLE.matcher(log);
        while (cycle.find()) {
            done = Integer.parseInt(cycle.group(1));
            acknowledged = Long.parseLong(cycle.group(2));
            lost = Math.max(lost, acknowledged - Long.parseLong(cycle.group(3)));
        }
        Matcher closing = CLOSING.matcher(log);
        if (closing.find()) {
            acknowledged = Long.parseLong(closing.group(1));
            lost = Math.max(lost, acknowledged - Long.parseLong(closing.group(2)));
        }
        boolean passed = status == 0 && log.contains(CrashCycles.PASSED);
        String verdict = passed ? "test passed" : "test FAILED after " + done + " cycle(s): " + failure(log, status);
        String name = String.format(
                Locale.ROOT,
                "crash cycles: acknowledged events lost over %d SIGKILL cycle(s) of the server (%,d acknowledged; %s)",
                cycles,
                acknowledged,
                verdict);
        Boolean met = !passed || lost > 0 ? Boolean.FALSE : cycles >= GOAL_CYCLES ? Boolean.TRUE : null;
        return Result.withoutBaseline(name, lost, "events", "0 over 200 cycles", met);
    }

    private static String failure(String log, int status) {
        int at = log.indexOf(CrashCycles.FAILED);
        if (at < 0) {
            return "exit status " + status;
        }
        String line = log.substring(at + CrashCycles.FAILED.length())
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
