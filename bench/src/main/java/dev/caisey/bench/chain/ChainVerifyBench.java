package dev.caisey.bench.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Stats;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.json.CanonicalJson;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chain verification: {@link RecordVerifier#verify(byte[])} over the export of one long session, in events per
 * second, beside the raw speed of SHA-256 over the canonical bytes of the same events (precomputed, so the baseline is
 * the hashing alone, with no JSON work). Both are warmed up with as many untimed runs as timed ones, then timed runs
 * alternate between the two so that a noisy neighbour slows both alike; the medians count.
 */
public final class ChainVerifyBench {
    /** Goal of issue 12, in events per second. */
    public static final double GOAL_EVENTS_PER_SECOND = 300_000;

    /** Goal of issue 12: at least this fraction of the raw SHA-256 speed. */
    public static final double GOAL_FRACTION_OF_BASELINE = 0.5;

    private static final double NANOS_PER_SECOND = 1e9;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public ChainVerifyBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Builds the session, measures, and returns one result. */
    public List<Result> run() throws NoSuchAlgorithmException {
        int n = settings.verifyEvents();
        RecordExport export = SyntheticSession.export("s-bench-verify", n, SigningKey.generate());
        byte[] document = ExportCodec.write(export);
        List<byte[]> canonical = canonicalBytes(export.events());
        RecordVerifier verifier = RecordVerifier.create();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < settings.verifyRuns(); i++) {
            verifyOnce(verifier, document);
            hashOnce(sha256, canonical);
        }
        List<Double> verified = new ArrayList<>();
        List<Double> hashed = new ArrayList<>();
        for (int i = 0; i < settings.verifyRuns(); i++) {
            verified.add(n * NANOS_PER_SECOND / verifyOnce(verifier, document));
            hashed.add(n * NANOS_PER_SECOND / hashOnce(sha256, canonical));
        }
        double value = Stats.median(verified);
        double baseline = Stats.median(hashed);
        boolean met = value >= GOAL_EVENTS_PER_SECOND && value >= GOAL_FRACTION_OF_BASELINE * baseline;
        String name =
                String.format(Locale.ROOT, "chain verification (%,d events, %.1f MB export)", n, document.length / 1e6);
        return List.of(Result.of(
                name,
                value,
                "events/s",
                "raw SHA-256 of the canonical bytes",
                baseline,
                "≥ 300,000 events/s and ≥ 0.5× baseline",
                met));
    }

    /** The RFC 8785 bytes of each event without its hash: exactly what the verifier hashes. */
    static List<byte[]> canonicalBytes(List<RecordedEvent> events) {
        List<byte[]> bytes = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            ObjectNode json = EventCodec.toJson(e);
            json.remove("hash");
            bytes.add(CanonicalJson.bytes(json));
        }
        return bytes;
    }

    private static long verifyOnce(RecordVerifier verifier, byte[] document) {
        long start = System.nanoTime();
        Verification result = verifier.verify(document);
        long elapsed = System.nanoTime() - start;
        if (!(result instanceof Verification.Verified)) {
            throw new IllegalStateException("the synthetic session did not verify: " + result);
        }
        return elapsed;
    }

    private static long hashOnce(MessageDigest sha256, List<byte[]> canonical) {
        long start = System.nanoTime();
        int sink = 0;
        for (byte[] event : canonical) {
            sink ^= sha256.digest(event)[0];
        }
        long elapsed = System.nanoTime() - start;
        if (sink == Integer.MIN_VALUE) {
            throw new IllegalStateException("unreachable: keeps the digests from being optimised away");
        }
        return elapsed;
    }
}
