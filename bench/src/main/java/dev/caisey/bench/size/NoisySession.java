package dev.caisey.bench.size;

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
import java.util.Locale;
import java.util.UUID;

/**
 * A noisy session, as the worst ordinary case of record size: the technician follows a service's log for the whole
 * session (a chunk of three log lines every {@link #OUTPUT_EVERY_SECONDS} seconds), runs a short check every
 * {@link #CHECK_EVERY_SECONDS} seconds and chats once a minute, on real wall-clock spacing, so that bytes per minute
 * mean what they say. Built through {@link ChainHead} with a checkpoint every {@link #CHECKPOINT_EVERY_EVENTS} events
 * and on close, like the server's records.
 */
final class NoisySession {
    /** The server signs a checkpoint this often, and on close. */
    static final int CHECKPOINT_EVERY_EVENTS = 100;

    /** Seconds between two chunks of the followed log. */
    static final int OUTPUT_EVERY_SECONDS = 2;

    /** Seconds between two short check commands. */
    static final int CHECK_EVERY_SECONDS = 300;

    /** Seconds between two chat messages. */
    static final int CHAT_EVERY_SECONDS = 60;

    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long START_MICROS = 1_795_000_000_000_000L;
    private static final String FOLLOW = "cmd-follow";
    private static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-dana", "Dana Whitfield");
    private static final Actor AGENT = new Actor(Role.AGENT, "a-srv-files-02", "SRV-FILES-02");

    private final SigningKey key;
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private ChainHead head = ChainHead.genesis("s-bench-noisy");
    private long outputChars;

    private NoisySession(SigningKey key) {
        this.key = key;
    }

    /** A signed export of a session {@code minutes} long (at least 1). */
    static RecordExport export(int minutes, SigningKey key) {
        if (minutes < 1) {
            throw new IllegalArgumentException("a noisy session lasts at least 1 minute; asked for " + minutes);
        }
        NoisySession s = new NoisySession(key);
        s.add(
                0,
                TECHNICIAN,
                new SessionOpened(
                        new Endpoint("e-srv-files-02", "SRV-FILES-02", "Debian GNU/Linux 12"),
                        new Organisation(
                                "o-harbor", "Harbor Accounting LLP", "America/New_York", 240L, ApprovalPolicy.NONE),
                        "HD-9001",
                        null));
        s.add(0, TECHNICIAN, new CommandRequested(FOLLOW, Shell.SH, "journalctl -f -u cups", null, 7_200, null, false));
        s.add(1, AGENT, new CommandStarted(FOLLOW, 31_337L));
        int seconds = minutes * 60;
        for (int t = 2; t < seconds; t++) {
            if (t % OUTPUT_EVERY_SECONDS == 0) {
                s.logChunk(t);
            }
            if (t % CHAT_EVERY_SECONDS == 0) {
                s.add(t, TECHNICIAN, new ChatMessage("Still watching the print queue; minute " + t / 60 + "."));
            }
            if (t % CHECK_EVERY_SECONDS == 0) {
                s.check(t);
            }
        }
        s.add(seconds, AGENT, new CommandFinished(FOLLOW, 130, seconds * 1_000L, s.outputChars, false));
        s.add(seconds, TECHNICIAN, new SessionClosed("Print queue watched; no more stalls.", Outcome.RESOLVED));
        return RecordExport.of(s.events, s.checkpoints, List.of(KeyEntry.of(key.publicKey())));
    }

    private void logChunk(int t) {
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 3; line++) {
            text.append(String.format(
                    Locale.ROOT,
                    "Nov 25 10:%02d:%02d srv-files-02 cupsd[812]: [Job %d] Sending job to the printer (%d of 3)%n",
                    t / 60 % 60,
                    t % 60,
                    1_000 + t,
                    line + 1));
        }
        add(t, AGENT, new CommandOutput(FOLLOW, OutputChannel.STDOUT, outputChars, text.toString()));
        outputChars += text.length();
    }

    private void check(int t) {
        String id = "cmd-check-" + t;
        String out = "Status   Name    DisplayName\nRunning  cups    CUPS Scheduler\n";
        add(t, TECHNICIAN, new CommandRequested(id, Shell.SH, "systemctl is-active cups", null, 60, null, false));
        add(t, AGENT, new CommandStarted(id, 40_000L + t));
        add(t, AGENT, new CommandOutput(id, OutputChannel.STDOUT, 0, out));
        add(t, AGENT, new CommandFinished(id, 0, 35, out.length(), false));
    }

    private void add(int second, Actor actor, Event event) {
        long at = START_MICROS + second * MICROS_PER_SECOND + head.seq();
        Long sourceAt = actor == AGENT ? at - 1_250 : null;
        String id = UUID.nameUUIDFromBytes((head.session() + "/" + (head.seq() + 1)).getBytes(StandardCharsets.UTF_8))
                .toString();
        RecordedEvent recorded = head.next(at, id, actor, sourceAt, event);
        head = head.after(recorded);
        events.add(recorded);
        if (recorded.seq() % CHECKPOINT_EVERY_EVENTS == 0 || event instanceof SessionClosed) {
            checkpoints.add(key.checkpoint(recorded, at));
        }
    }
}
