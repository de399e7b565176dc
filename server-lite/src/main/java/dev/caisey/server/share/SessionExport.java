package dev.caisey.server.share;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.sync.SyncPage;
import dev.caisey.server.store.EventStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's record as an export document ({@code caisey-record/1}) or as the pages a console's mirror fetches
 * ({@code caisey-sync/1}), read page by page from the store.
 */
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

    /**
     * The page ({@code caisey-sync/1}, as JSON) of the events after {@code after}, at most {@code limit} (1 to {@link
     * SyncPage#MAX_EVENTS}), with the checkpoints on them: the events as stored, not parsed and written again.
     */
    public byte[] page(String session, long after, int limit) {
        long lastSeq = store.head(session).map(h -> h.seq()).orElse(0L);
        List<String> events = new ArrayList<>();
        int most = Math.min(limit, SyncPage.MAX_EVENTS);
        while (events.size() < most) {
            List<String> more = store.eventJson(
                    session, after + events.size(), Math.min(EventStore.MAX_PAGE_EVENTS, most - events.size()));
            if (more.isEmpty()) {
                break;
            }
            events.addAll(more);
        }
        long last = after + events.size();
        List<Checkpoint> checkpoints = store.checkpoints(session).stream()
                .filter(c -> c.seq() > after && c.seq() <= last)
                .toList();
        return SyncPage.write(
                session, after, Math.max(lastSeq, last), events, checkpoints, List.of(KeyEntry.of(key.publicKey())));
    }
}
