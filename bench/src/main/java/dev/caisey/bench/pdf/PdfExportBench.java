package dev.caisey.bench.pdf;

import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.Stats;
import dev.caisey.bench.chain.SyntheticSession;
import dev.caisey.bench.footprint.ChildJvm;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import dev.caisey.report.pdf.PdfReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PDF export (issue 12): {@link PdfReport#render} of a {@link SyntheticSession}, warm, in seconds (the median of the
 * timed runs, which alternate with the baseline's after as many warm-up runs); beside it iText writing the same rows as
 * a plain table ({@link PlainTable}). With {@code --full} also a large session, each side once in a child JVM limited
 * to {@link #BIG_HEAP_MB} MB of heap ({@link BigPdf}), with its time and peak heap.
 */
public final class PdfExportBench {
    /** Goal of issue 12 for 1,000 events warm, in seconds. */
    public static final double GOAL_WARM_SECONDS = 1.5;

    /** The session size the warm goal is stated for. */
    public static final int GOAL_WARM_EVENTS = 1_000;

    /** Goal of issue 12 for 100,000 events, in seconds. */
    public static final double GOAL_BIG_SECONDS = 60;

    /** The session size the large goal is stated for. */
    public static final int GOAL_BIG_EVENTS = 100_000;

    /** The heap limit of the large export's child JVM, and the goal, in MB. */
    public static final int BIG_HEAP_MB = 512;

    /** Limit for one child JVM. */
    static final Duration CHILD_WAIT = Duration.ofMinutes(5);

    private static final Pattern RESULT = Pattern.compile(BigPdf.RESULT_PREFIX
            + " seconds=([0-9.]+) pages=(\\d+) peakHeapBytes=(\\d+) liveHeapBytes=(-?\\d+) maxHeapBytes=(\\d+)");
    private static final double BYTES_PER_MB = 1_000_000.0;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double MILLIS_PER_SECOND = 1_000;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public PdfExportBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Measures and returns the warm figure, and with a large session its time and heap. */
    public List<Result> run() throws IOException, InterruptedException {
        SigningKey key = SigningKey.generate();
        List<Result> results = new ArrayList<>(warm(SyntheticSession.export("s-bench-pdf", settings.pdfEvents(), key)));
        if (settings.pdfBigEvents() > 0) {
            results.addAll(big(SyntheticSession.export("s-bench-pdf-big", settings.pdfBigEvents(), key)));
        }
        return results;
    }

    private List<Result> warm(RecordExport export) {
        byte[] json = ExportCodec.write(export);
        List<String[]> rows = PlainTable.rows(export.events());
        PdfReport report = PdfReport.create();
        for (int i = 0; i < settings.pdfRuns(); i++) {
            report.render(json, OutputStream.nullOutputStream());
            PlainTable.render(rows, OutputStream.nullOutputStream());
        }
        List<Double> caisey = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int i = 0; i < settings.pdfRuns(); i++) {
            long start = System.nanoTime();
            report.render(json, OutputStream.nullOutputStream());
            caisey.add((System.nanoTime() - start) / NANOS_PER_MILLI);
            start = System.nanoTime();
            PlainTable.render(rows, OutputStream.nullOutputStream());
            plain.add((System.nanoTime() - start) / NANOS_PER_MILLI);
        }
        int n = export.events().size();
        double value = Stats.median(caisey);
        return List.of(Result.of(
                String.format(Locale.ROOT, "PDF export, %,d events, warm (median of %d)", n, settings.pdfRuns()),
                value,
                "ms",
                "iText plain table of the same rows",
                Stats.median(plain),
                "≤ 1.5 s (1,500 ms) for 1,000 events",
                n == GOAL_WARM_EVENTS ? value <= GOAL_WARM_SECONDS * MILLIS_PER_SECOND : null));
    }

    private List<Result> big(RecordExport export) throws IOException, InterruptedException {
        int n = export.events().size();
        try (Scratch scratch = Scratch.create("caisey-bench-pdf")) {
            Path file = scratch.dir().resolve("big.caisey.json");
            Files.write(file, ExportCodec.write(export));
            Child caisey = child(BigPdf.REPORT, file, scratch.dir());
            Child plain = child(BigPdf.TABLE, file, scratch.dir());
            boolean sized = n == GOAL_BIG_EVENTS;
            String limit = " in a JVM with -Xmx" + BIG_HEAP_MB + "m";
            return List.of(
                    Result.of(
                            String.format(Locale.ROOT, "PDF export, %,d events%s%s", n, limit, caisey.failure()),
                            caisey.seconds(),
                            "s",
                            "iText plain table of the same rows, same heap" + plain.failure(),
                            plain.seconds(),
                            "≤ 60 s for 100,000 events",
                            sized ? caisey.ok() && caisey.seconds() <= GOAL_BIG_SECONDS : null),
                    Result.of(
                            String.format(
                                    Locale.ROOT,
                                    "PDF export, %,d events: most heap live after a collection (peak in use, garbage"
                                            + " included: %.0f MB)%s",
                                    n,
                                    caisey.peakMb(),
                                    caisey.failure()),
                            caisey.liveMb(),
                            "MB",
                            String.format(
                                    Locale.ROOT,
                                    "iText plain table of the same rows (peak in use %.0f MB)",
                                    plain.peakMb()),
                            plain.liveMb(),
                            "≤ 512 MB for 100,000 events",
                            sized ? caisey.ok() && caisey.liveMb() <= BIG_HEAP_MB : null));
        }
    }

    /**
     * What one child JVM reported; {@code ok} is false if it failed (then the seconds are its whole life). Without a
     * collection during the job, the live heap is the peak in use.
     */
    private record Child(boolean ok, double seconds, double peakMb, double liveMb, String log) {
        String failure() {
            return ok ? "" : " (FAILED: " + lastLine(log) + ")";
        }

        private static String lastLine(String log) {
            String[] lines = log.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    private Child child(String mode, Path file, Path dir) throws InterruptedException {
        List<String> options = List.of("-Xmx" + BIG_HEAP_MB + "m");
        long start = System.nanoTime();
        try (ChildJvm jvm = ChildJvm.start(
                options, BigPdf.class.getName(), List.of(mode, file.toString()), dir.resolve(mode + ".log"))) {
            int status = jvm.await(CHILD_WAIT);
            double wall = (System.nanoTime() - start) / 1e9;
            String log = jvm.logText();
            Matcher m = RESULT.matcher(log);
            if (status != 0 || !m.find()) {
                return new Child(false, wall, Double.NaN, Double.NaN, log.isBlank() ? "exit status " + status : log);
            }
            double peak = Long.parseLong(m.group(3)) / BYTES_PER_MB;
            long live = Long.parseLong(m.group(4));
            return new Child(true, Double.parseDouble(m.group(1)), peak, live < 0 ? peak : live / BYTES_PER_MB, log);
        }
    }
}
