package dev.caisey.record.sample;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The printer-spooler session of DESIGN.md as a signed export, built the way the server builds records: through
 * {@link ChainHead} and {@link SigningKey}. Everything is deterministic (fixed times, ids and a sample key made from a
 * fixed seed), so the committed fixture can be compared byte for byte with what this class produces.
 *
 * <p>Regenerate the fixture with {@code mvn -pl record test -Dtest=PrinterSpoolerScenarioTest -Dcaisey.regenerate=true}.
 */
public final class PrinterSpoolerScenario {
    /** Where the fixture lives in the source tree, relative to the {@code record} module. */
    public static final Path FIXTURE = Path.of("src/test/resources/samples/printer-spooler.caisey.json");

    /** The session id of the sample. */
    public static final String SESSION = "s-20261117-prn-acct-01";

    /** Checkpoints are signed every this many events, and on close. */
    public static final int CHECKPOINT_EVERY_EVENTS = 10;

    private static final String DAY = "2026-11-17T";
    private static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-dana", "Dana Whitfield");
    private static final Actor CLIENT = new Actor(Role.CLIENT, "c-maria", "Maria Lopez");
    private static final Actor AGENT = new Actor(Role.AGENT, "a-prn-acct-01", "PRN-ACCT-01");
    private static final String RESTART = "cmd-1";
    private static final String CHECK = "cmd-2";

    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final SigningKey key;
    private ChainHead head = ChainHead.genesis(SESSION);

    private PrinterSpoolerScenario(SigningKey key) {
        this.key = key;
    }

    /** The sample's signing key, made from a fixed seed. Never use it for anything but samples. */
    public static SigningKey sampleKey() {
        return keyFromSeed("caisey sample key: printer spooler");
    }

    /** A key made deterministically from a seed, for tests that need a second, different key. */
    public static SigningKey keyFromSeed(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return SigningKey.generate(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
        }
    }

    /** The sample export, signed with {@link #sampleKey()}. */
    public static RecordExport export() {
        return export(sampleKey());
    }

    /** The sample export, signed with the given key. */
    public static RecordExport export(SigningKey key) {
        return new PrinterSpoolerScenario(key).play();
    }

    /** Writes the fixture file; run by the test when {@code -Dcaisey.regenerate=true}. */
    public static void writeFixture(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ExportCodec.write(export()));
    }

    private RecordExport play() {
        add(
                "15:15:32.104",
                TECHNICIAN,
                "15:15:31.950",
                new SessionOpened(
                        new Endpoint("e-prn-acct-01", "PRN-ACCT-01", "Windows 11 Pro 23H2"),
                        new Organisation(
                                "o-harbor", "Harbor Accounting LLP", "America/New_York", 240L, ApprovalPolicy.RISKY),
                        "HD-4471",
                        micros("15:02:10.000")));
        add("15:15:32.311", AGENT, "15:15:33.512", new ParticipantJoined("agent 0.1.0 on Windows 11 Pro 23H2"));
        add("15:15:32.402", TECHNICIAN, "15:15:32.250", new ParticipantJoined("console 0.1.0"));
        add("15:15:41.877", CLIENT, null, new ParticipantJoined("browser"));
        add(
                "15:15:50.230",
                TECHNICIAN,
                "15:15:50.080",
                new ChatMessage("I see the print spooler is stuck. I need to restart it. Is that okay?"));
        add(
                "15:15:53.615",
                TECHNICIAN,
                "15:15:53.470",
                new CommandRequested(
                        RESTART,
                        Shell.POWERSHELL,
                        "Restart-Service Spooler",
                        null,
                        120,
                        "Restart the Print Spooler service",
                        true));
        add(
                "15:15:53.620",
                Actor.SERVER,
                null,
                new ApprovalRequested(
                        "apr-1",
                        RESTART,
                        "Restart the Print Spooler service",
                        "Your technician wants to restart the Print Spooler service. Printing will stop for a few seconds.",
                        micros("15:20:53.620")));
        add("15:16:01.342", CLIENT, null, new ApprovalGranted("apr-1"));
        add("15:16:04.518", AGENT, "15:16:05.720", new CommandStarted(RESTART, 7412L));
        add("15:16:05.286", AGENT, "15:16:06.488", new CommandFinished(RESTART, 0, 768, 0, false));
        add(
                "15:16:27.904",
                TECHNICIAN,
                "15:16:27.760",
                new CommandRequested(CHECK, Shell.POWERSHELL, "Get-Service Spooler", null, 60, null, false));
        add("15:16:28.377", AGENT, "15:16:29.579", new CommandStarted(CHECK, 7436L));
        add(
                "15:16:29.102",
                AGENT,
                "15:16:30.304",
                new CommandOutput(
                        CHECK,
                        OutputChannel.STDOUT,
                        0,
                        "\r\nStatus   Name               DisplayName\r\n"
                                + "------   ----               -----------\r\n"
                                + "Running  Spooler            Print Spooler\r\n\r\n"));
        add("15:16:29.160", AGENT, "15:16:30.362", new CommandFinished(CHECK, 0, 783, 144, false));
        add(
                "15:16:30.455",
                TECHNICIAN,
                "15:16:30.310",
                new VerificationRecorded(CHECK, Verdict.PASSED, "The Print Spooler service is running again."));
        add(
                "15:16:52.018",
                TECHNICIAN,
                "15:16:51.870",
                new NoteAdded(
                        "14 jobs from the accounting template were stuck in the queue; the restart cleared them."));
        add("15:17:12.640", CLIENT, null, new ChatMessage("It worked — test page printed."));
        add("15:17:40.093", CLIENT, null, new ParticipantLeft("closed the page"));
        add(
                "15:17:45.517",
                TECHNICIAN,
                "15:17:45.370",
                new SessionClosed(
                        "Restarted the stuck Print Spooler service; the client confirmed a test page printed.",
                        Outcome.RESOLVED));
        return RecordExport.of(events, checkpoints, List.of(KeyEntry.of(key.publicKey())));
    }

    private void add(String time, Actor actor, String sourceTime, Event event) {
        long at = micros(time);
        String id = UUID.nameUUIDFromBytes((SESSION + "/" + (head.seq() + 1)).getBytes(StandardCharsets.UTF_8))
                .toString();
        RecordedEvent recorded = head.next(at, id, actor, sourceTime == null ? null : micros(sourceTime), event);
        head = head.after(recorded);
        events.add(recorded);
        if (recorded.seq() % CHECKPOINT_EVERY_EVENTS == 0 || event instanceof SessionClosed) {
            checkpoints.add(key.checkpoint(recorded, at + 1_000));
        }
    }

    private static long micros(String time) {
        Instant instant = Instant.parse(DAY + time + "Z");
        return Micros.of(instant);
    }
}
