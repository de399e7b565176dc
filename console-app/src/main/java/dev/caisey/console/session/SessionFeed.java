package dev.caisey.console.session;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.protocol.SessionSubscribe;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One followed session: it subscribes after the last event it holds, takes each pushed event only if it is the next
 * of the chain ({@code seq} exactly one more, {@code prev} the previous hash, its own hash right), drops duplicates,
 * and answers a gap by subscribing again after its last event. After a reconnect it resumes the same way, so a
 * listener sees every event once, in order. Confined to the connection's event thread.
 */
public final class SessionFeed implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionFeed.class.getName());

    private final String session;
    private final SessionListener listener;
    private final Function<SessionSubscribe, java.util.concurrent.CompletableFuture<?>> subscriber;
    private final Runnable onClose;
    private volatile SessionSnapshot snapshot;
    private volatile boolean subscribing;
    private volatile boolean closed;
    private long duplicates;
    private long gaps;

    SessionFeed(
            String session,
            SessionListener listener,
            Function<SessionSubscribe, java.util.concurrent.CompletableFuture<?>> subscriber,
            Runnable onClose) {
        this.session = session;
        this.listener = listener;
        this.subscriber = subscriber;
        this.onClose = onClose;
        this.snapshot = SessionSnapshot.empty(session);
    }

    /** The session's id. */
    public String session() {
        return session;
    }

    /** The session as received so far; never blocks. */
    public SessionSnapshot snapshot() {
        return snapshot;
    }

    /** Events dropped because they were already held. */
    public long duplicates() {
        return duplicates;
    }

    /** Times a missing event made the feed subscribe again. */
    public long gaps() {
        return gaps;
    }

    /** (Re)subscribes after the last event held: at the start, after every sign-in, after a gap. */
    void subscribe() {
        if (closed) {
            return;
        }
        subscribing = true;
        long after = snapshot.lastSeq();
        subscriber.apply(new SessionSubscribe(session, after)).whenComplete((ok, failure) -> {
            subscribing = false;
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
            if (cause == null || closed) {
                return;
            }
            if (cause instanceof ConsoleException e && e.failure() == Failure.CONNECTION) {
                // The connection broke first; the next sign-in subscribes again.
                LOG.log(Level.DEBUG, "subscribing to {0} was cut off: {1}", session, e.getMessage());
                return;
            }
            listener.problem(
                    cause instanceof ConsoleException e
                            ? e
                            : new ConsoleException(Failure.CONNECTION, "Cannot follow " + session + ".", cause));
        });
    }

    /** Takes pushed events of this session, in arrival order. */
    void received(List<RecordedEvent> pushed) {
        if (closed) {
            return;
        }
        List<RecordedEvent> added = new ArrayList<>();
        SessionSnapshot now = snapshot;
        for (RecordedEvent e : pushed) {
            long expected = now.lastSeq() + 1;
            if (e.seq() < expected) {
                duplicates++;
            } else if (e.seq() > expected) {
                if (!subscribing) {
                    gaps++;
                    LOG.log(
                            Level.INFO,
                            "event {0} of {1} came before {2}; subscribing again",
                            e.seq(),
                            session,
                            expected);
                    subscribe();
                }
                break;
            } else {
                ConsoleException broken = brokenLink(now, e);
                if (broken != null) {
                    listener.problem(broken);
                    break;
                }
                now = now.plus(e);
                added.add(e);
            }
        }
        if (!added.isEmpty()) {
            snapshot = now;
            listener.updated(now, List.copyOf(added));
        }
    }

    private static ConsoleException brokenLink(SessionSnapshot now, RecordedEvent e) {
        String expectedPrev = now.events().isEmpty()
                ? RecordedEvent.GENESIS
                : now.events().get(now.events().size() - 1).hash();
        if (!e.prev().equals(expectedPrev)) {
            return new ConsoleException(
                    Failure.BROKEN_RECORD,
                    "Event " + e.seq() + " of " + e.session() + " does not follow event " + now.lastSeq()
                            + " (its prev is not that event's hash); it was not shown.");
        }
        if (!ChainHead.hashOf(EventCodec.toJson(e)).equals(e.hash())) {
            return new ConsoleException(
                    Failure.BROKEN_RECORD,
                    "Event " + e.seq() + " of " + e.session() + " does not match its own hash; it was not shown.");
        }
        return null;
    }

    /** Stops following: no more events are taken or told. */
    @Override
    public void close() {
        closed = true;
        onClose.run();
    }
}
