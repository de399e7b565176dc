package dev.caisey.bench.size;

import dev.caisey.bench.Result;
import dev.caisey.record.Limits;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Record size per session minute (issue 12, no baseline): the bytes of a session's export as {@link ExportCodec}
 * writes it, divided by the minutes between its first and its last event. Measured for the printer-spooler sample
 * (read from the record module's test resources, when they are on the class path) and for a {@link NoisySession}.
 */
public final class RecordSizeBench {
    /** The printer-spooler sample on the class path (the record module's test-jar). */
    static final String SAMPLE_RESOURCE = "/samples/printer-spooler.caisey.json";

    /** How long the noisy session lasts, in minutes. */
    static final int NOISY_MINUTES = 30;

    /** Bytes in the decimal kilobyte the figures are given in. */
    static final double BYTES_PER_KB = 1_000.0;

    private static final double MICROS_PER_MINUTE = 60e6;
    private static final System.Logger LOG = System.getLogger(RecordSizeBench.class.getName());

    /** Measures both sessions. */
    public List<Result> run() {
        List<Result> results = new ArrayList<>();
        byte[] sample = sample();
        if (sample == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the printer-spooler sample is not on the class path (it ships in the record module's test-jar);"
                            + " only the noisy session is measured");
        } else {
            results.add(perMinute(
                    "printer-spooler sample",
                    ExportCodec.fromTree(ExportCodec.readTree(sample, Limits.DEFAULT_MAX_EXPORT_BYTES))));
        }
        results.add(perMinute(
                "noisy session (log followed, a chunk every " + NoisySession.OUTPUT_EVERY_SECONDS + " s)",
                NoisySession.export(NOISY_MINUTES, SigningKey.generate())));
        return results;
    }

    /** The export's size per minute of session, in KB/min. */
    static Result perMinute(String what, RecordExport export) {
        List<RecordedEvent> events = export.events();
        double minutes = (events.getLast().at() - events.getFirst().at()) / MICROS_PER_MINUTE;
        if (minutes <= 0) {
            throw new IllegalStateException(what + " lasts no time at all; bytes per minute mean nothing");
        }
        int bytes = ExportCodec.write(export).length;
        String name = String.format(
                Locale.ROOT, "record size, %s: %,d events, %.1f min, %,d bytes", what, events.size(), minutes, bytes);
        return Result.withoutBaseline(name, bytes / BYTES_PER_KB / minutes, "KB/min", Result.NO_GOAL, null);
    }

    private static byte[] sample() {
        try (InputStream in = RecordSizeBench.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the printer-spooler sample could not be read", e);
        }
    }
}
