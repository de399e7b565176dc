package dev.caisey.bench.pdf;

import dev.caisey.record.Limits;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.report.pdf.PdfReport;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The child JVM of the large PDF export: renders one export file, as the Caisey report ({@code report}) or as the plain
 * iText table ({@code table}), into nothing, and prints one line with the seconds, the pages, the peak heap in use from
 * before the file was read to the end (the sum of each pool's peak: an upper bound, since the garbage collector lets
 * garbage pile up to the limit) and the most heap still in use after a collection ({@link LiveHeap}, -1 if none ran)
 * ({@link #RESULT_PREFIX}…). Its parent gives it the heap limit under test.
 */
public final class BigPdf {
    /** The start of the line the parent reads. */
    static final String RESULT_PREFIX = "caisey-bench-pdf";

    /** The Caisey report. */
    static final String REPORT = "report";

    /** The plain iText table. */
    static final String TABLE = "table";

    private BigPdf() {}

    /** {@code BigPdf report|table FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of(REPORT, TABLE).contains(args[0])) {
            System.err.println("usage: BigPdf report|table EXPORT-FILE");
            System.exit(2);
        }
        System.gc();
        LiveHeap live = LiveHeap.watch();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        byte[] json = Files.readAllBytes(Path.of(args[1]));
        List<String[]> rows = TABLE.equals(args[0])
                ? PlainTable.rows(ExportCodec.fromTree(ExportCodec.readTree(json, Limits.DEFAULT_MAX_EXPORT_BYTES))
                        .events())
                : null;
        long start = System.nanoTime();
        int pages;
        try (OutputStream out = OutputStream.nullOutputStream()) {
            pages = rows == null ? PdfReport.create().render(json, out) : PlainTable.render(rows, out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                Locale.ROOT,
                "%s seconds=%.3f pages=%d peakHeapBytes=%d liveHeapBytes=%d maxHeapBytes=%d%n",
                RESULT_PREFIX,
                seconds,
                pages,
                peak,
                live.maxAfterGc(),
                Runtime.getRuntime().maxMemory());
    }
}
