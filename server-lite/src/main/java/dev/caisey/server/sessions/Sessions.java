package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.server.ServerException;
import dev.caisey.server.store.EventStore;
import dev.caisey.server.store.GroupCommitter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Every session's sequencer and subscribers. A session's sequencer is created when the session opens, or loaded from
 * the store (its state replayed from its events) the first time it is touched after a restart.
 */
public final class Sessions {
    /** Events read per page while replaying a session's state. */
    static final int REPLAY_PAGE_EVENTS = 1_000;

    private final EventStore store;
    private final GroupCommitter committer;
    private final SigningKey key;
    private final Clock clock;
    private final ConcurrentHashMap<String, SessionSequencer> sequencers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<SessionListener>> listeners = new ConcurrentHashMap<>();

    /** Sessions on a store, committing through {@code committer} and signing checkpoints with {@code key}. */
    public Sessions(EventStore store, GroupCommitter committer, SigningKey key, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Opens a new session whose first events {@code decide} returns (starting with {@code session.opened}).
     *
     * @return completes once the events are durable
     */
    public CompletableFuture<Appended> open(Function<SessionState, List<Draft>> decide) {
        String session = "s-" + UUID.randomUUID();
        SessionSequencer sequencer = newSequencer(null, ChainHead.genesis(session));
        sequencers.put(session, sequencer);
        return sequencer.append(decide);
    }

    /**
     * Appends to an existing session the events {@code decide} returns for its current state.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} if there is no such session
     */
    public CompletableFuture<Appended> append(String session, Function<SessionState, List<Draft>> decide) {
        return sequencer(session).append(decide);
    }

    /**
     * The state of a session (including events not yet durable).
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} if there is no such session
     */
    public SessionState state(String session) {
        return sequencer(session).state();
    }

    /** Whether the session already holds an event with this source id (a resend after a reconnect). */
    public boolean recorded(String session, String eventId) {
        return store.findByEventId(session, eventId).isPresent();
    }

    /** Whether a session exists. */
    public boolean exists(String session) {
        return sequencers.containsKey(session) || store.head(session).isPresent();
    }

    /**
     * Delivers a session's events after {@code afterSeq} to {@code listener}: first what is stored, then live, without
     * gaps or repeats. The catch-up runs on the calling thread.
     *
     * <p>A resume point beyond the last durable event names events nobody can hold: it is taken as that last event,
     * so the subscriber gets nothing old and then every new event, instead of silently missing the ones up to its
     * claimed point.
     */
    public Subscription subscribe(String session, long afterSeq, SessionListener listener) {
        long durable = store.head(session).map(ChainHead::seq).orElse(0L);
        long from = Math.min(afterSeq, durable);
        List<SessionListener> list = listeners.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>());
        Subscription[] holder = new Subscription[1];
        Subscription subscription = new Subscription(session, from, listener, () -> list.remove(holder[0]));
        holder[0] = subscription;
        list.add(subscription);
        subscription.catchUp(store);
        return subscription;
    }

    /**
     * The id of a session's organisation, read from its first event without replaying the session: what deciding who
     * may read a record needs, cheap even for a session of 100,000 events that nobody touched since a restart.
     *
     * @throws ServerException {@link ErrorCode#NOT_FOUND} (as {@link Participant#notYours()}) for an unknown session
     */
    public String organisationOf(String session) {
        SessionSequencer known = sequencers.get(session);
        if (known != null) {
            return known.state().organisation().id();
        }
        List<RecordedEvent> first = store.events(session, 0, 1);
        if (first.isEmpty() || !(first.getFirst().event() instanceof SessionOpened opened)) {
            throw Participant.notYours();
        }
        return opened.organisation().id();
    }

    /** The state of a stored session, replayed from its events, or empty if it has none. */
    static Optional<SessionState> replay(EventStore store, String session) {
        SessionState state = null;
        long after = 0;
        while (true) {
            List<RecordedEvent> page = store.events(session, after, REPLAY_PAGE_EVENTS);
            if (page.isEmpty()) {
                return Optional.ofNullable(state);
            }
            for (RecordedEvent event : page) {
                state = state == null ? SessionState.opened(event) : state.apply(event);
            }
            after = page.getLast().seq();
        }
    }

    private SessionSequencer sequencer(String session) {
        SessionSequencer sequencer = sequencers.computeIfAbsent(
                session,
                s -> store.head(s)
                        .map(head -> newSequencer(replay(store, s).orElseThrow(), head))
                        .orElse(null));
        if (sequencer == null) {
            throw Participant.notYours();
        }
        return sequencer;
    }

    private SessionSequencer newSequencer(SessionState state, ChainHead head) {
        return new SessionSequencer(state, head, store, committer, key, clock, this::publish);
    }

    private void publish(Appended appended) {
        List<SessionListener> list = listeners.get(appended.state().session());
        if (list != null) {
            for (SessionListener listener : list) {
                listener.deliver(appended.events(), appended.checkpoints());
            }
        }
    }
}
