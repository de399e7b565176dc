package dev.caisey.server.sessions;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.store.EventStore;
import java.util.ArrayList;
import java.util.List;

/**
 * One subscriber of one session, resuming after a given {@code seq}: it is registered for live events first, then
 * catches up from the store page by page, then flushes what arrived live meanwhile, so nothing between the store read
 * and the live feed is lost and nothing is sent twice.
 */
public final class Subscription implements SessionListener {
    /** Events read from the store per page while catching up. */
    static final int CATCH_UP_PAGE_EVENTS = 500;

    private final String session;
    private final SessionListener target;
    private final Runnable cancel;

    // Guarded by this.
    private boolean cancelled;
    private boolean live;
    private long lastSent;
    private final List<RecordedEvent> pendingEvents = new ArrayList<>();
    private final List<Checkpoint> pendingCheckpoints = new ArrayList<>();

    Subscription(String session, long afterSeq, SessionListener target, Runnable cancel) {
        this.session = session;
        this.lastSent = afterSeq;
        this.target = target;
        this.cancel = cancel;
    }

    /** The session subscribed to. */
    public String session() {
        return session;
    }

    /** Stops deliveries, including one that the session is publishing at this moment. */
    public void cancel() {
        synchronized (this) {
            cancelled = true;
        }
        cancel.run();
    }

    @Override
    public synchronized void deliver(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
        if (cancelled) {
            return;
        }
        if (!live) {
            pendingEvents.addAll(events);
            pendingCheckpoints.addAll(checkpoints);
            return;
        }
        forward(events, checkpoints);
    }

    /** Sends everything stored after the resume point, then switches to live delivery. */
    void catchUp(EventStore store) {
        List<Checkpoint> stored = store.checkpoints(session);
        while (true) {
            long from;
            synchronized (this) {
                from = lastSent;
            }
            List<RecordedEvent> page = store.events(session, from, CATCH_UP_PAGE_EVENTS);
            if (page.isEmpty()) {
                break;
            }
            long last = page.getLast().seq();
            List<Checkpoint> covering = stored.stream()
                    .filter(c -> c.seq() > from && c.seq() <= last)
                    .toList();
            synchronized (this) {
                forward(page, covering);
            }
        }
        synchronized (this) {
            live = true;
            forward(pendingEvents, pendingCheckpoints);
            pendingEvents.clear();
            pendingCheckpoints.clear();
        }
    }

    /** Forwards what follows {@link #lastSent}, dropping anything already sent. Called holding this. */
    private void forward(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
        if (cancelled) {
            return;
        }
        long from = lastSent;
        List<RecordedEvent> fresh = events.stream().filter(e -> e.seq() > from).toList();
        if (fresh.isEmpty()) {
            return;
        }
        long to = fresh.getLast().seq();
        List<Checkpoint> covering = checkpoints.stream()
                .filter(c -> c.seq() > from && c.seq() <= to)
                .toList();
        lastSent = to;
        target.deliver(fresh, covering);
    }
}
