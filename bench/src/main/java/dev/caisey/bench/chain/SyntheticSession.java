package dev.caisey.bench.chain;

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
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A long session built the way the server builds one: every event through {@link ChainHead}, a checkpoint signed every
 * {@link #CHECKPOINT_EVERY_EVENTS} events and on close. The events are a technician's working rhythm: a chat line, a
 * command requested, started, one line of output and finished, over and over.
 */
public final class SyntheticSession {
    /** The server signs a checkpoint this often (server-lite's {@code SessionSequencer}), and on close. */
    public static final int CHECKPOINT_EVERY_EVENTS = 100;

    /** The server's time between two events of the synthetic session, in microseconds. */
    static final long EVENT_SPACING_MICROS = 1_000;

    private static final long START_MICROS = 1_795_000_000_000_000L;
    private static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-bench", "Bench Technician");
    private static final Actor AGENT = new Actor(Role.AGENT, "a-bench", "BENCH-01");
    private static final String OUTPUT_LINE =
            "Status   Name               DisplayName\r\nRunning  Spooler            Print Spooler\r\n";

    private final String session;
    private final SigningKey key;
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private ChainHead head;

    private SyntheticSession(String session, SigningKey key) {
        this.session = session;
        this.key = key;
        this.head = ChainHead.genesis(session);
    }

    /** A signed export of a session of exactly {@code eventCount} events (at least 2), closed by its last one. */
    public static RecordExport export(String session, int eventCount, SigningKey key) {
        if (eventCount < 2) {
            throw new IllegalArgumentException(
                    "a session has at least 2 events (opened, closed); asked for " + eventCount);
        }
        SyntheticSession s = new SyntheticSession(session, key);
        s.add(
                TECHNICIAN,
                new SessionOpened(
                        new Endpoint("e-bench-01", "BENCH-01", "Debian GNU/Linux 12"),
                        new Organisation("o-bench", "Bench Co", "Europe/Berlin", 60L, ApprovalPolicy.NONE),
                        "HD-1",
                        null));
        for (int i = 1; i < eventCount - 1; i++) {
            s.add(i);
        }
        s.add(TECHNICIAN, new SessionClosed("Done.", Outcome.RESOLVED));
        return RecordExport.of(s.events, s.checkpoints, List.of(KeyEntry.of(key.publicKey())));
    }

    private void add(int i) {
        String command = "cmd-" + ((i - 1) / 5);
        switch (i % 5) {
            case 1 -> add(TECHNICIAN, new ChatMessage("Checking the print spooler on this machine, step " + i + "."));
            case 2 ->
                add(
                        TECHNICIAN,
                        new CommandRequested(command, Shell.SH, "systemctl status cups", null, 60, null, false));
            case 3 -> add(AGENT, new CommandStarted(command, 4_000L + i));
            case 4 -> add(AGENT, new CommandOutput(command, OutputChannel.STDOUT, 0, OUTPUT_LINE));
            default -> add(AGENT, new CommandFinished(command, 0, 12, OUTPUT_LINE.length(), false));
        }
    }

    private void add(Actor actor, Event event) {
        long at = START_MICROS + head.seq() * EVENT_SPACING_MICROS;
        Long sourceAt = actor == AGENT ? at - 250 : null;
        String id = UUID.nameUUIDFromBytes((session + "/" + (head.seq() + 1)).getBytes(StandardCharsets.UTF_8))
                .toString();
        RecordedEvent recorded = head.next(at, id, actor, sourceAt, event);
        head = head.after(recorded);
        events.add(recorded);
        if (recorded.seq() % CHECKPOINT_EVERY_EVENTS == 0 || event instanceof SessionClosed) {
            checkpoints.add(key.checkpoint(recorded, at));
        }
    }
}
