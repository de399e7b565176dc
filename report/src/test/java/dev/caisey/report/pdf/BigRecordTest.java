package dev.caisey.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Shell;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-event session renders with pages flushed as they are done. Prints its figures (pages, size, time, heap)
 * rather than asserting times, which depend on the machine.
 */
class BigRecordTest {
    private static final int EVENTS = Integer.getInteger("caisey.bigEvents", 100_000);
    private static final int CHECKPOINT_EVERY_EVENTS = 1_000;
    private static final long START_MICROS = 1_794_928_532_104_000L;
    private static final long STEP_MICROS = 250_000;
    private static final long MIB = 1024 * 1024;

    @Test
    void rendersAHundredThousandEventSession(@TempDir Path dir) throws IOException {
        byte[] json = ExportCodec.write(bigSession());
        long inputHeap = usedAfterGc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Path pdf = dir.resolve("big.pdf");
        long start = System.nanoTime();
        int pages;
        try (OutputStream out = Files.newOutputStream(pdf)) {
            pages = PdfReport.create().render(json, out);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf(
                "big record: %,d events, %,d bytes of JSON, %,d pages, %,d bytes of PDF, rendered in %,d ms; heap in use "
                        + "after GC with the record loaded %,d MiB, peak heap during rendering %,d MiB (max heap %,d MiB)%n",
                EVENTS,
                json.length,
                pages,
                Files.size(pdf),
                millis,
                inputHeap / MIB,
                peak / MIB,
                Runtime.getRuntime().maxMemory() / MIB);
        assertThat(pages).isGreaterThan(EVENTS / 100);
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static RecordExport bigSession() {
        SigningKey key = PrinterSpoolerScenario.sampleKey();
        Actor tech = new Actor(Role.TECHNICIAN, "u-dana", "Dana Whitfield");
        Actor client = new Actor(Role.CLIENT, "c-maria", "Maria Lopez");
        Actor agent = new Actor(Role.AGENT, "a-srv", "SRV-FILES-02");
        List<RecordedEvent> events = new ArrayList<>(EVENTS);
        List<Checkpoint> checkpoints = new ArrayList<>();
        ChainHead head = ChainHead.genesis("s-big");
        Organisation org =
                new Organisation("o-harbor", "Harbor Accounting LLP", "America/New_York", 240L, ApprovalPolicy.NONE);
        head = add(
                events,
                checkpoints,
                key,
                head,
                tech,
                new SessionOpened(new Endpoint("e-srv", "SRV-FILES-02", "Debian 12"), org, "HD-9000", null));
        int command = 0;
        while (events.size() < EVENTS - 1) {
            String id = "cmd-" + (++command);
            head = add(
                    events,
                    checkpoints,
                    key,
                    head,
                    tech,
                    new CommandRequested(id, Shell.SH, "du -sh /srv/share/" + command, null, 60, null, false));
            head = add(events, checkpoints, key, head, agent, new CommandStarted(id, 1000L + command));
            head = add(
                    events,
                    checkpoints,
                    key,
                    head,
                    agent,
                    new CommandOutput(id, OutputChannel.STDOUT, 0, (command % 97) + "M\t/srv/share/" + command + "\n"));
            head = add(events, checkpoints, key, head, agent, new CommandFinished(id, 0, 120, 20, false));
            head = add(
                    events,
                    checkpoints,
                    key,
                    head,
                    command % 2 == 0 ? tech : client,
                    new ChatMessage("Checked folder " + command + "; still looking for the large one."));
        }
        while (events.size() < EVENTS - 1) {
            head = add(events, checkpoints, key, head, tech, new ChatMessage("filler"));
        }
        add(events, checkpoints, key, head, tech, new SessionClosed("Found the large folders.", Outcome.RESOLVED));
        return RecordExport.of(events, checkpoints, List.of(KeyEntry.of(key.publicKey())));
    }

    private static ChainHead add(
            List<RecordedEvent> events,
            List<Checkpoint> checkpoints,
            SigningKey key,
            ChainHead head,
            Actor actor,
            Event event) {
        long at = START_MICROS + events.size() * STEP_MICROS;
        RecordedEvent recorded = head.next(at, "ev-" + (events.size() + 1), actor, null, event);
        events.add(recorded);
        if (recorded.seq() % CHECKPOINT_EVERY_EVENTS == 0 || event instanceof SessionClosed) {
            checkpoints.add(key.checkpoint(recorded, at + 1_000));
        }
        return head.after(recorded);
    }
}
