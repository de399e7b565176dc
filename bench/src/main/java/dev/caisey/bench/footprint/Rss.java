package dev.caisey.bench.footprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory as Linux reports it ({@code VmRSS} in {@code /proc/PID/status}). */
final class Rss {
    /** Bytes in the decimal megabyte the goals are stated in. */
    static final double BYTES_PER_MB = 1_000_000.0;

    private static final long BYTES_PER_KIB = 1024;

    private Rss() {}

    /** The resident set of process {@code pid}, in MB (10⁶ bytes). */
    static double megabytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String kib =
                            line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return Long.parseLong(kib) * BYTES_PER_KIB / BYTES_PER_MB;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + pid + " (is it still running?)", e);
        }
        throw new IllegalStateException(status + " has no VmRSS line: this benchmark needs Linux");
    }
}
