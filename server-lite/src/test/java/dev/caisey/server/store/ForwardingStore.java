package dev.caisey.server.store;

import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;
import java.util.Optional;

/** An {@link EventStore} that passes every call on; tests override what they observe or delay. */
abstract class ForwardingStore implements EventStore {
    private final EventStore delegate;

    ForwardingStore(EventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void append(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
        delegate.append(events, checkpoints);
    }

    @Override
    public Optional<ChainHead> head(String session) {
        return delegate.head(session);
    }

    @Override
    public List<RecordedEvent> events(String session, long afterSeq, int limit) {
        return delegate.events(session, afterSeq, limit);
    }

    @Override
    public List<Checkpoint> checkpoints(String session) {
        return delegate.checkpoints(session);
    }

    @Override
    public Optional<RecordedEvent> findByEventId(String session, String eventId) {
        return delegate.findByEventId(session, eventId);
    }

    @Override
    public List<String> sessions() {
        return delegate.sessions();
    }

    @Override
    public long count(String session) {
        return delegate.count(session);
    }
}
