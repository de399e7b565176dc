package dev.caisey.console.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import dev.caisey.record.sync.SyncPage;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.phrasebook.Milestones;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror's gate on the printer-spooler sample, page by page in a real H2 file: good pages are stored and export a
 * record that verifies; a page that skips an event, carries a changed event, a checkpoint that is not signed by the
 * pinned key, or a different key is refused whole, kept as a refusal and changes nothing.
 */
class MirrorTest {
    private static final RecordExport SAMPLE = PrinterSpoolerScenario.export();
    private static final String SESSION = PrinterSpoolerScenario.SESSION;

    @TempDir
    Path dir;

    @Test
    void storesPagesInOrderAndExportsARecordThatVerifies() {
        try (Mirror mirror = Mirror.open(dir)) {
            for (long after = 0; after < SAMPLE.events().size(); after += 7) {
                assertThat(mirror.accept(page(SAMPLE, after, 7))).isNull();
            }
            assertThat(mirror.lastSeq(SESSION)).isEqualTo(SAMPLE.events().size());
            Verification verified = RecordVerifier.create().verify(ExportCodec.write(mirror.export(SESSION)));
            assertThat(verified).as(verified.message()).isInstanceOf(Verification.Verified.class);
            MirroredSession held = mirror.session(SESSION).orElseThrow();
            assertThat(held.milestones()).isEqualTo(Milestones.of(SAMPLE.events()));
            assertThat(held.fullySigned()).isTrue();
            assertThat(mirror.events(SESSION, 3, 2))
                    .extracting(RecordedEvent::seq)
                    .containsExactly(4L, 5L);
        }
    }

    @Test
    void refusesAPageThatSkipsAnEvent() {
        try (Mirror mirror = Mirror.open(dir)) {
            assertThat(mirror.accept(page(SAMPLE, 0, 5))).isNull();
            List<RecordedEvent> skipping = new ArrayList<>(SAMPLE.events().subList(6, 10));
            Refusal refusal = mirror.accept(SyncPage.of(SESSION, 5, 30, skipping, List.of(), SAMPLE.keys()));
            assertThat(refusal.reason()).contains("event 7").contains("where event 6 was expected");
            assertThat(mirror.lastSeq(SESSION)).isEqualTo(5);
            assertThat(mirror.refusals()).containsExactly(refusal);
        }
    }

    @Test
    void refusesAChangedEvent() {
        try (Mirror mirror = Mirror.open(dir)) {
            SyncPage good = page(SAMPLE, 0, 10);
            int chat = 0;
            while (!(good.events().get(chat).event() instanceof ChatMessage)) {
                chat++;
            }
            List<JsonNode> raw = new ArrayList<>(good.rawEvents());
            ObjectNode changed = raw.get(chat).deepCopy();
            ((ObjectNode) changed.get("data")).put("text", "I never asked.");
            raw.set(chat, changed);
            List<RecordedEvent> events = new ArrayList<>(good.events());
            events.set(chat, EventCodec.fromJson(changed, "the changed event"));
            Refusal refusal = mirror.accept(
                    new SyncPage(SESSION, 0, good.lastSeq(), events, raw, good.checkpoints(), good.keys()));
            assertThat(refusal).isNotNull();
            assertThat(refusal.seq()).isEqualTo(chat + 1);
            assertThat(refusal.reason()).contains("does not match its own hash");
            assertThat(mirror.lastSeq(SESSION)).isZero();
            assertThat(mirror.sessions()).isEmpty();
        }
    }

    @Test
    void refusesACheckpointNotSignedByThePinnedKey() {
        try (Mirror mirror = Mirror.open(dir)) {
            assertThat(mirror.accept(page(SAMPLE, 0, 5))).isNull();
            SyncPage good = page(SAMPLE, 5, 10);
            Checkpoint c = good.checkpoints().getFirst();
            Checkpoint forged = new Checkpoint(c.session(), c.seq(), c.hash(), c.at() + 1, c.keyId(), c.signature());
            Refusal refusal = mirror.accept(new SyncPage(
                    SESSION, 5, good.lastSeq(), good.events(), good.rawEvents(), List.of(forged), good.keys()));
            assertThat(refusal.reason()).contains("is not signed by the server's key");
            assertThat(mirror.lastSeq(SESSION)).isEqualTo(5);
        }
    }

    @Test
    void refusesRecordsSignedWithAnotherKey() {
        RecordExport otherKey = PrinterSpoolerScenario.export(PrinterSpoolerScenario.keyFromSeed("someone else"));
        try (Mirror mirror = Mirror.open(dir)) {
            assertThat(mirror.accept(page(SAMPLE, 0, 5))).isNull();
            Refusal refusal = mirror.accept(page(otherKey, 5, 10));
            assertThat(refusal.reason()).contains("not the key this mirror has known it by");
            assertThat(mirror.lastSeq(SESSION)).isEqualTo(5);
        }
    }

    @Test
    void keepsWhatItHoldsAcrossARestart() {
        try (Mirror mirror = Mirror.open(dir)) {
            assertThat(mirror.accept(page(SAMPLE, 0, 10))).isNull();
        }
        try (Mirror again = Mirror.open(dir)) {
            assertThat(again.lastSeq(SESSION)).isEqualTo(10);
            assertThat(again.accept(page(SAMPLE, 10, 100))).isNull();
            assertThat(again.session(SESSION).orElseThrow().closed()).isTrue();
        }
    }

    @Test
    void keepsAReportOnlyAsLongAsItCoversEveryHeldEvent() {
        byte[] pdf = "%PDF-1.7 sample".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Mirror mirror = Mirror.open(dir)) {
            assertThat(mirror.accept(page(SAMPLE, 0, 10))).isNull();
            mirror.keepReport(SESSION, 10, pdf);
            assertThat(mirror.report(SESSION)).hasValue(pdf);
            assertThat(mirror.accept(page(SAMPLE, 10, 5))).isNull();
            assertThat(mirror.report(SESSION))
                    .as("made before the last five events")
                    .isEmpty();
            mirror.keepReport(SESSION, 15, pdf);
            assertThat(mirror.report(SESSION)).hasValue(pdf);
        }
    }

    /** The page the server would send after {@code after}, of at most {@code limit} events. */
    static SyncPage page(RecordExport export, long after, int limit) {
        List<RecordedEvent> events = export.events().stream()
                .filter(e -> e.seq() > after)
                .limit(limit)
                .toList();
        long last = events.getLast().seq();
        List<Checkpoint> checkpoints = export.checkpoints().stream()
                .filter(c -> c.seq() > after && c.seq() <= last)
                .toList();
        return SyncPage.of(export.session().id(), after, export.events().size(), events, checkpoints, export.keys());
    }
}
