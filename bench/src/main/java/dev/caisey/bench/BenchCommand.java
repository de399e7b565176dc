package dev.caisey.bench;

import dev.caisey.bench.append.DurableAppendBench;
import dev.caisey.bench.chain.ChainVerifyBench;
import dev.caisey.bench.crash.CrashCyclesBench;
import dev.caisey.bench.footprint.AgentFootprintBench;
import dev.caisey.bench.idle.IdleAgentsBench;
import dev.caisey.bench.mirror.MirrorSyncBench;
import dev.caisey.bench.pdf.PdfExportBench;
import dev.caisey.bench.relay.RelayBench;
import dev.caisey.bench.search.SearchBench;
import dev.caisey.bench.size.RecordSizeBench;
import dev.caisey.bench.timeline.TimelineOpenBench;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caisey-bench}: runs the benchmarks, prints the table and writes {@code latest.json} and {@code latest.md}.
 * A benchmark that fails is reported and left out of the table; the others still run and are written.
 */
@Command(
        name = "caisey-bench",
        mixinStandardHelpOptions = true,
        version = "caisey-bench 0.1.0",
        description = "Measures what Caisey promises, each figure beside a raw baseline measured in the same run.")
public final class BenchCommand implements Callable<Integer> {
    /** The benchmarks, in the order they run. */
    public enum Bench {
        /** {@link AgentFootprintBench}. */
        FOOTPRINT,
        /** {@link ChainVerifyBench}. */
        VERIFY,
        /** {@link DurableAppendBench}. */
        APPEND,
        /** {@link RelayBench}. */
        RELAY,
        /** {@link PdfExportBench}. */
        PDF,
        /** {@link IdleAgentsBench}. */
        IDLE,
        /** {@link RecordSizeBench}. */
        SIZE,
        /** {@link CrashCyclesBench}. */
        CRASH,
        /** {@link MirrorSyncBench}. */
        MIRROR,
        /** {@link SearchBench}. */
        SEARCH,
        /** {@link TimelineOpenBench}. */
        TIMELINE
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--full", description = "Larger sessions, more runs, longer sampling (the committed figures).")
    private boolean full;

    @Option(names = "--smoke", hidden = true, description = "Seconds of work: checks that everything runs.")
    private boolean smoke;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "bench/results",
            description = "Where latest.json and latest.md are written (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(
            names = "--only",
            paramLabel = "BENCH",
            split = ",",
            description = "Run only these: ${COMPLETION-CANDIDATES} (default: all).")
    private List<Bench> only;

    @Option(
            names = "--agent-jvm-options",
            paramLabel = "OPTIONS",
            description = "The agent's JVM options, space-separated (default: ${DEFAULT-VALUE}).",
            defaultValue = BenchSettings.DEFAULT_AGENT_JVM_OPTIONS)
    private String agentJvmOptions;

    @Override
    public Integer call() {
        BenchSettings settings = (smoke ? BenchSettings.smoke() : full ? BenchSettings.full() : BenchSettings.quick())
                .withAgentJvmOptions(Arrays.asList(agentJvmOptions.trim().split("\\s+")));
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnumSet<Bench> chosen = only == null || only.isEmpty() ? EnumSet.allOf(Bench.class) : EnumSet.copyOf(only);
        List<Result> results = new ArrayList<>();
        int failures = 0;
        for (Bench bench : chosen) {
            err.println("caisey-bench: " + bench.name().toLowerCase(Locale.ROOT) + " (" + settings.mode() + ")…");
            err.flush();
            long start = System.nanoTime();
            try {
                results.addAll(run(bench, settings));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("caisey-bench: interrupted");
                return ExitCodes.FAILED;
            } catch (Exception e) {
                failures++;
                err.println("caisey-bench: " + bench.name().toLowerCase(Locale.ROOT) + " failed: " + e);
                e.printStackTrace(err);
            }
            err.printf(Locale.ROOT, "caisey-bench: … %.1f s%n", (System.nanoTime() - start) / 1e9);
            err.flush();
        }
        ResultsWriter.write(out, results, settings, Instant.now());
        console.print(ResultsWriter.table(results));
        console.println("Written to " + out.resolve(ResultsWriter.JSON_FILE) + " and "
                + out.resolve(ResultsWriter.MARKDOWN_FILE));
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static List<Result> run(Bench bench, BenchSettings settings) throws Exception {
        return switch (bench) {
            case FOOTPRINT -> new AgentFootprintBench(settings).run();
            case VERIFY -> new ChainVerifyBench(settings).run();
            case APPEND -> new DurableAppendBench(settings).run();
            case RELAY -> new RelayBench(settings).run();
            case PDF -> new PdfExportBench(settings).run();
            case IDLE -> new IdleAgentsBench(settings).run();
            case SIZE -> new RecordSizeBench().run();
            case CRASH -> new CrashCyclesBench(settings).run();
            case MIRROR -> new MirrorSyncBench(Math.min(settings.verifyEvents(), 100_000), settings.verifyRuns()).run();
            case SEARCH -> new SearchBench(settings).run();
            case TIMELINE -> new TimelineOpenBench(settings.timelineEvents(), settings.timelineRuns()).run();
        };
    }

    /** Runs the command with the given streams and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int status = new CommandLine(new BenchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The {@code caisey-bench} entry point. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Exit statuses. */
    static final class ExitCodes {
        static final int OK = 0;
        static final int FAILED = 1;

        private ExitCodes() {}
    }
}
