package dev.caisey.console.session;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a real, hashed chain of events for one session and the snapshots the client core would make of it, for tests
 * of the desktop console's ViewModels without a server.
 */
public final class Chains {
    private final String session;
    private ChainHead head;
    private SessionSnapshot snapshot;
    private long at;

    /** A chain of {@code session} starting at {@code startMicros}. */
    public Chains(String session, long startMicros) {
        this.session = session;
        this.head = ChainHead.genesis(session);
        this.snapshot = SessionSnapshot.empty(session);
        this.at = startMicros;
    }

    /** Appends events by {@code actor}, one second apart; returns them. */
    public List<RecordedEvent> add(Actor actor, Event... events) {
        List<RecordedEvent> added = new ArrayList<>();
        for (Event event : events) {
            at += 1_000_000;
            RecordedEvent e = head.next(at, "e-" + UUID.randomUUID(), actor, null, event);
            head = head.after(e);
            snapshot = snapshot.plus(e);
            added.add(e);
        }
        return added;
    }

    /** The snapshot after every event so far. */
    public SessionSnapshot snapshot() {
        return snapshot;
    }

    /** The session's id. */
    public String session() {
        return session;
    }
}
