package dev.caisey.server.store;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.ServerException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit across sessions: the sequencers of many sessions {@link #submit} their events, and one writer thread
 * stores everything queued with one {@link EventStore#append} (so one fsync) per round, then completes the futures.
 *
 * <p>Guarantees: a future completes normally only after the append that holds its submission returned, i.e. after
 * the fsync; futures complete in submission order, on the writer thread (keep callbacks short or use the async
 * variants). A failing batch is retried one submission at a time, so only the submissions that do not fit the stored
 * chains fail and other sessions never pay for a bad one. After a failure the sequencer concerned should reload its
 * head from the store: its later submissions fail too, since they no longer continue the stored chain.
 *
 * <p>Back-pressure: at most {@link #MAX_PENDING_EVENTS} events wait; {@code submit} blocks up to {@link #SUBMIT_WAIT}
 * for room and then refuses with {@link ErrorCode#RATE_LIMITED}. {@link #close} stores what is queued, then stops.
 */
public final class GroupCommitter implements AutoCloseable {
    /** Most events waiting to be written, across all sessions. */
    public static final int MAX_PENDING_EVENTS = 20_000;

    /** Most events (plus checkpoints) written by one append; also the most one submission may hold. */
    public static final int MAX_BATCH_EVENTS = 5_000;

    /** How long {@link #submit} waits for room in a full queue. */
    public static final Duration SUBMIT_WAIT = Duration.ofSeconds(5);

    /** How long {@link #close} waits for the queued events to be written. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());

    private final EventStore store;
    private final int maxPendingEvents;
    private final Duration submitWait;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Submission> queue = new ArrayDeque<>();
    private final Thread writer;
    private int pendingEvents;
    private boolean closed;

    /** Starts the writer thread on {@code store}. */
    public GroupCommitter(EventStore store) {
        this(store, MAX_PENDING_EVENTS, SUBMIT_WAIT);
    }

    GroupCommitter(EventStore store, int maxPendingEvents, Duration submitWait) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxPendingEvents = maxPendingEvents;
        this.submitWait = submitWait;
        this.writer =
                Thread.ofPlatform().name("caisey-group-commit").daemon(true).start(this::run);
    }

    /**
     * Queues events and checkpoints (of one session, in chain order) for the next group commit.
     *
     * @return completes after they are durable, or exceptionally with the store's {@link ServerException}
     * @throws ServerException with {@link ErrorCode#RATE_LIMITED} if the queue stayed full for {@link #SUBMIT_WAIT},
     *     {@link ErrorCode#TOO_LARGE} for more than {@link #MAX_BATCH_EVENTS} items, {@link ErrorCode#INTERNAL} once
     *     closed
     */
    public CompletableFuture<Void> submit(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
        Submission s = new Submission(List.copyOf(events), List.copyOf(checkpoints), new CompletableFuture<>());
        if (s.size() > MAX_BATCH_EVENTS) {
            throw new ServerException(
                    ErrorCode.TOO_LARGE, "at most " + MAX_BATCH_EVENTS + " events can be submitted at once");
        }
        lock.lock();
        try {
            long waitNanos = submitWait.toNanos();
            while (!closed && pendingEvents > 0 && pendingEvents + s.size() > maxPendingEvents) {
                if (waitNanos <= 0) {
                    throw new ServerException(ErrorCode.RATE_LIMITED, "the server is busy writing; try again shortly");
                }
                waitNanos = room.awaitNanos(waitNanos);
            }
            if (closed) {
                throw new ServerException(ErrorCode.INTERNAL, "the event store is shutting down");
            }
            queue.add(s);
            pendingEvents += s.size();
            queued.signal();
            return s.done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(ErrorCode.INTERNAL, "interrupted while waiting to store events", e);
        } finally {
            lock.unlock();
        }
    }

    /** Stores what is queued, then stops the writer thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queued.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!writer.join(CLOSE_WAIT)) {
                LOG.log(Level.WARNING, "the event writer did not finish within {0} s", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Submission> batch = List.of();
        try {
            for (batch = take(); !batch.isEmpty(); batch = take()) {
                commit(batch);
            }
        } catch (InterruptedException e) {
            LOG.log(Level.ERROR, "the event writer was interrupted; queued events are refused", e);
        } finally {
            // Normally empty; after an Error, the batch in flight and everything queued fail rather than hang.
            failQueued(batch);
        }
    }

    /** Waits for submissions and takes up to {@link #MAX_BATCH_EVENTS} events' worth; empty once closed and drained. */
    private List<Submission> take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                queued.await(1, TimeUnit.SECONDS);
            }
            List<Submission> batch = new ArrayList<>();
            int size = 0;
            while (!queue.isEmpty() && (batch.isEmpty() || size + queue.peek().size() <= MAX_BATCH_EVENTS)) {
                Submission s = queue.poll();
                batch.add(s);
                size += s.size();
            }
            pendingEvents -= size;
            room.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Submission> batch) {
        try {
            store.append(Submission.events(batch), Submission.checkpoints(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            LOG.log(Level.DEBUG, "a group of {0} submissions failed; writing them one by one", batch.size());
            batch.forEach(s -> commit(List.of(s)));
            return;
        }
        batch.forEach(s -> s.done().complete(null));
    }

    private static void fail(Submission s, RuntimeException e) {
        if (!(e instanceof ServerException se) || se.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.WARNING, "events of session " + s.session() + " could not be stored", e);
        }
        s.done().completeExceptionally(e);
    }

    private void failQueued(List<Submission> inFlight) {
        lock.lock();
        try {
            closed = true;
            ServerException stopped =
                    new ServerException(ErrorCode.INTERNAL, "the event store stopped; nothing stored");
            inFlight.forEach(s -> s.done().completeExceptionally(stopped));
            queue.forEach(s -> s.done().completeExceptionally(stopped));
            queue.clear();
            pendingEvents = 0;
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
