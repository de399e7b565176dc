package dev.caisey.server.share;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.server.store.EventStore;
import java.util.ArrayList;
import java.util.List;

/** A session's record as an export document ({@code caisey-record/1}), read page by page from the store. */
public final class SessionExport {
    private final EventStore store;
    private final SigningKey key;

    /** Exports from {@code store}, carrying the public half of the server's checkpoint key. */
    public SessionExport(EventStore store, SigningKey key) {
        this.store = store;
        this.key = key;
    }

    /** The export of a stored session. */
    public RecordExport of(String session) {
        List<RecordedEvent> events = new ArrayList<>();
        while (true) {
            long after = events.isEmpty() ? 0 : events.getLast().seq();
            List<RecordedEvent> page = store.events(session, after, EventStore.MAX_PAGE_EVENTS);
            if (page.isEmpty()) {
                break;
            }
            events.addAll(page);
        }
        List<Checkpoint> checkpoints = store.checkpoints(session);
        return RecordExport.of(events, checkpoints, List.of(KeyEntry.of(key.publicKey())));
    }
}
