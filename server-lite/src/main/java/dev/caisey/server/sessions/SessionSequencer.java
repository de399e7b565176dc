package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.server.ServerException;
import dev.caisey.server.store.EventStore;
import dev.caisey.server.store.GroupCommitter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The single writer of one session's record, like a Durable Object: decisions about the session are taken one at a
 * time against its current state, their events are numbered, dated and chained, handed to the group committer, and
 * published to subscribers only once durable, in order. Sessions run in parallel; each has its own sequencer.
 *
 * <p>Signs a checkpoint every {@link #CHECKPOINT_EVERY_EVENTS} events and on close, in the same durable batch.
 */
final class SessionSequencer {
    /** A checkpoint is signed when an event's seq is a multiple of this, and on close. */
    static final int CHECKPOINT_EVERY_EVENTS = 100;

    private final ReentrantLock lock = new ReentrantLock();
    private final String session;
    private final EventStore store;
    private final GroupCommitter committer;
    private final SigningKey key;
    private final Clock clock;
    private final Consumer<Appended> publish;

    // Guarded by lock: the state and chain head after every event handed to the committer.
    private SessionState state;
    private ChainHead head;
    private volatile boolean stale;

    /** Appends on their way to the disk, by the source id of their events. */
    private final Map<String, CompletableFuture<Appended>> inFlight = new ConcurrentHashMap<>();

    SessionSequencer(
            SessionState state,
            ChainHead head,
            EventStore store,
            GroupCommitter committer,
            SigningKey key,
            Clock clock,
            Consumer<Appended> publish) {
        this.session = head.session();
        this.state = state;
        this.head = head;
        this.store = store;
        this.committer = committer;
        this.key = key;
        this.clock = clock;
        this.publish = publish;
    }

    /** The state after every event accepted so far (some may not be durable yet). */
    SessionState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Decides, against the current state, which events to append, and appends them as one durable batch.
     *
     * @param decide returns the drafts to append, or throws a {@link ServerException} to refuse (nothing changes); it
     *     is asked even about a closed session, which then refuses anything it returns, so it must not act on the
     *     world itself
     * @return completes with the appended events once they are durable and published
     */
    CompletableFuture<Appended> append(Function<SessionState, List<Draft>> decide) {
        lock.lock();
        try {
            if (stale) {
                reload();
            }
            // The decision checks who is asking before anything else, so only someone who may see the session
            // learns that it is closed; to anyone else it stays a session that does not exist.
            List<Draft> decided = decide.apply(state);
            // A draft whose source id is already on its way to the disk (an agent resending before the first copy
            // was acknowledged) is not appended again: its sender is answered when the first copy is durable.
            List<CompletableFuture<Appended>> alreadyInFlight = new ArrayList<>();
            List<Draft> drafts = new ArrayList<>();
            for (Draft draft : decided) {
                CompletableFuture<Appended> first = draft.eventId() == null ? null : inFlight.get(draft.eventId());
                if (first != null) {
                    alreadyInFlight.add(first);
                } else {
                    drafts.add(draft);
                }
            }
            if (drafts.isEmpty()) {
                return alreadyInFlight.isEmpty()
                        ? CompletableFuture.completedFuture(new Appended(List.of(), List.of(), state))
                        : alreadyInFlight.getLast();
            }
            if (state != null && state.closed()) {
                throw new ServerException(ErrorCode.CONFLICT, "This session is closed; open a new one to continue.");
            }
            long now = Micros.now(clock);
            List<RecordedEvent> events = new ArrayList<>(drafts.size());
            List<Checkpoint> checkpoints = new ArrayList<>();
            ChainHead next = head;
            SessionState nextState = state;
            for (Draft draft : drafts) {
                String id = draft.eventId() != null
                        ? draft.eventId()
                        : UUID.randomUUID().toString();
                RecordedEvent event = next.next(now, id, draft.actor(), draft.sourceAt(), draft.event());
                next = next.after(event);
                nextState = nextState == null ? SessionState.opened(event) : nextState.apply(event);
                events.add(event);
                if (event.seq() % CHECKPOINT_EVERY_EVENTS == 0 || event.event() instanceof SessionClosed) {
                    checkpoints.add(key.checkpoint(event, Math.max(now, event.at())));
                }
            }
            Appended appended = new Appended(events, checkpoints, nextState);
            CompletableFuture<Appended> answer = new CompletableFuture<>();
            List<String> ids =
                    drafts.stream().map(Draft::eventId).filter(id -> id != null).toList();
            ids.forEach(id -> inFlight.put(id, answer));
            CompletableFuture<Void> durable;
            try {
                durable = committer.submit(events, checkpoints);
            } catch (RuntimeException refused) {
                ids.forEach(inFlight::remove);
                throw refused;
            }
            head = next;
            state = nextState;
            // Chained under the lock: publication follows submission order, which is the committer's order.
            durable.whenComplete((ok, failure) -> {
                ids.forEach(inFlight::remove);
                if (failure != null) {
                    markStale();
                    answer.completeExceptionally(new ServerException(
                            ErrorCode.INTERNAL,
                            "The server could not save this; nothing was recorded. Try again in a moment.",
                            failure));
                    return;
                }
                publish.accept(appended);
                answer.complete(appended);
            });
            return answer;
        } finally {
            lock.unlock();
        }
    }

    private void markStale() {
        // No lock: the committer's thread calls this and must never wait for an appender holding the lock.
        stale = true;
    }

    /** After a failed write, the store is the truth again: rebuild head and state from it. */
    private void reload() {
        head = store.head(session).orElse(ChainHead.genesis(session));
        state = Sessions.replay(store, session).orElse(null);
        stale = false;
    }
}
