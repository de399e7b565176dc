package dev.caisey.agent.journal;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.agent.identity.OwnerOnly;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.ProtocolCodec;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every event the agent produces, kept on disk from before it is sent until the server acknowledges it, so a network
 * cut or an agent restart loses nothing; a resend is harmless because the server drops a duplicate event id.
 *
 * <p>Each event gets a random UUID as its id and the agent's clock (UTC microseconds) as {@code sourceAt}, and is
 * appended to {@value #FILE} and fsync'd before {@link #append} returns. Acknowledgements are appended without fsync
 * (losing one only means a resend). The file is emptied when nothing is pending and rewritten with only the pending
 * entries once {@link #COMPACT_DEAD_BYTES} of acknowledged ones accumulate.
 *
 * <p>Size policy: pending entries may take {@link #MAX_PENDING_BYTES}. Beyond it, output chunks wait for
 * acknowledgements (so a command's pipe fills and the command itself waits; its time limit still applies), while the
 * few small events that start or end a command are always written. Nothing is ever dropped for lack of room.
 */
public final class Journal implements Closeable {
    /** The journal file in the data folder. */
    public static final String FILE = "journal.log";

    /** Most bytes of pending entries before output waits for acknowledgements. */
    public static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    /** Bytes of acknowledged entries in the file that trigger a compaction. */
    public static final long COMPACT_DEAD_BYTES = 4L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final long SPACE_WAIT_SECONDS = 1;

    private final JournalFile file;
    private final Clock clock;
    private final long maxPendingBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition space = lock.newCondition();
    private final TreeMap<Long, JournalEntry> pending = new TreeMap<>();
    private final Map<String, Long> positions = new HashMap<>();
    private long nextPosition = 1;
    private long pendingBytes;
    private volatile Runnable listener = () -> {};

    private Journal(JournalFile file, Clock clock, long maxPendingBytes) {
        this.file = file;
        this.clock = clock;
        this.maxPendingBytes = maxPendingBytes;
    }

    /** Opens the journal in {@code dir}, with the entries a previous run left unacknowledged. */
    public static Journal open(Path dir, Clock clock) {
        return open(dir, clock, MAX_PENDING_BYTES);
    }

    /** Like {@link #open(Path, Clock)} with another size limit (tests). */
    public static Journal open(Path dir, Clock clock, long maxPendingBytes) {
        try {
            OwnerOnly.createDirectories(dir);
            List<String> payloads = new ArrayList<>();
            Journal journal = new Journal(JournalFile.open(dir.resolve(FILE), payloads), clock, maxPendingBytes);
            journal.replay(payloads);
            return journal;
        } catch (IOException e) {
            throw new AgentException(
                    Failure.JOURNAL, "The journal in " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private void replay(List<String> payloads) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        for (String payload : payloads) {
            if (payload.startsWith(JournalLine.ACK_PREFIX)) {
                String eventId = payload.substring(JournalLine.ACK_PREFIX.length());
                entries.removeIf(e -> e.eventId().equals(eventId));
            } else {
                try {
                    if (ProtocolCodec.decode(payload).body() instanceof AgentReport report) {
                        entries.add(entry(report, payload));
                    }
                } catch (RecordException e) {
                    LOG.log(Level.WARNING, "dropped a journal entry that is not a valid report: {0}", e.getMessage());
                }
            }
        }
        entries.forEach(this::add);
        file.rewrite(entries.stream().map(e -> JournalLine.encode(e.frame())).toList());
        if (!entries.isEmpty()) {
            LOG.log(Level.INFO, "{0} events from before the restart wait to be sent again", entries.size());
        }
    }

    /** Calls {@code listener} (which must not block) after each append, so a sender can wake up. */
    public void onAppend(Runnable listener) {
        this.listener = listener;
    }

    /**
     * Writes an event durably and returns its entry. An output chunk waits while the journal is full (see the class
     * comment).
     *
     * @throws AgentException with {@link Failure#JOURNAL} if the disk refuses the write
     */
    public JournalEntry append(String session, Event event) throws InterruptedException {
        Instant now = clock.instant();
        long sourceAt = Micros.of(now);
        AgentReport report = new AgentReport(session, UUID.randomUUID().toString(), sourceAt, event);
        String frame = ProtocolCodec.encode(Frame.request(report.eventId(), report));
        JournalEntry entry = entry(report, frame);
        lock.lock();
        try {
            while (event instanceof CommandOutput
                    && pendingBytes + entry.bytes() > maxPendingBytes
                    && !pending.isEmpty()) {
                space.await(SPACE_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            file.append(List.of(JournalLine.encode(frame)), true);
            JournalEntry added = add(entry);
            listener.run();
            return added;
        } catch (IOException e) {
            throw new AgentException(
                    Failure.JOURNAL, "An event could not be written to the journal: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Drops acknowledged entries; ids not pending (acknowledged before, or never written) are ignored. */
    public void ack(Collection<String> eventIds) {
        lock.lock();
        try {
            List<byte[]> acks = new ArrayList<>();
            for (String eventId : eventIds) {
                Long position = positions.remove(eventId);
                if (position != null) {
                    pendingBytes -= pending.remove(position).bytes();
                    acks.add(JournalLine.encode(JournalLine.ACK_PREFIX + eventId));
                }
            }
            if (acks.isEmpty()) {
                return;
            }
            space.signalAll();
            if (pending.isEmpty()) {
                file.truncate();
            } else if (file.size() - pendingBytes >= COMPACT_DEAD_BYTES && file.size() - pendingBytes >= pendingBytes) {
                file.rewrite(pending.values().stream()
                        .map(e -> JournalLine.encode(e.frame()))
                        .toList());
            } else {
                file.append(acks, false);
            }
        } catch (IOException e) {
            throw new AgentException(Failure.JOURNAL, "The journal could not be compacted: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} pending entries after {@code position}, in order. */
    public List<JournalEntry> after(long position, int max) {
        lock.lock();
        try {
            return pending.tailMap(position, false).values().stream().limit(max).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every pending entry, in order. */
    public List<JournalEntry> pending() {
        return after(0, Integer.MAX_VALUE);
    }

    /** How many bytes of the file the pending entries take. */
    public long pendingBytes() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    private JournalEntry add(JournalEntry entry) {
        JournalEntry placed = new JournalEntry(nextPosition++, entry.report(), entry.frame(), entry.bytes());
        pending.put(placed.position(), placed);
        positions.put(placed.eventId(), placed.position());
        pendingBytes += placed.bytes();
        return placed;
    }

    private static JournalEntry entry(AgentReport report, String frame) {
        return new JournalEntry(
                0, report, frame, frame.getBytes(StandardCharsets.UTF_8).length + JournalLine.OVERHEAD_BYTES);
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            file.close();
        } finally {
            lock.unlock();
        }
    }
}
