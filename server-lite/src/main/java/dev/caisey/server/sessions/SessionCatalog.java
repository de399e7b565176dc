package dev.caisey.server.sessions;

import dev.caisey.record.Limits;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.protocol.SessionInfo;
import dev.caisey.record.protocol.SessionsPage;
import dev.caisey.server.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The list of sessions a console may sync: each session's headline (from its first event) and how far it goes (its
 * chain head), page by page in order of session id.
 */
public final class SessionCatalog {
    private final EventStore store;

    /** A catalog of the sessions in {@code store}. */
    public SessionCatalog(EventStore store) {
        this.store = store;
    }

    /**
     * The sessions after {@code after} (or from the first) whose organisation {@code visible} accepts.
     *
     * @param after the last session id of the previous page, or {@code null}
     */
    public SessionsPage page(Predicate<String> visible, String after) {
        List<SessionInfo> page = new ArrayList<>();
        List<String> ids = store.sessions().stream()
                .filter(id -> after == null || id.compareTo(after) > 0)
                .sorted()
                .toList();
        for (String id : ids) {
            SessionInfo info = info(id);
            if (info == null || !visible.test(info.organisationId())) {
                continue;
            }
            if (page.size() == Limits.MAX_SESSIONS_PER_MESSAGE) {
                return new SessionsPage(page, true);
            }
            page.add(info);
        }
        return new SessionsPage(page, false);
    }

    private SessionInfo info(String session) {
        ChainHead head = store.head(session).orElse(null);
        List<RecordedEvent> first = store.events(session, 0, 1);
        if (head == null || first.isEmpty() || !(first.getFirst().event() instanceof SessionOpened opened)) {
            return null;
        }
        RecordedEvent last = store.events(session, head.seq() - 1, 1).getFirst();
        SessionClosed closed = last.event() instanceof SessionClosed c ? c : null;
        return new SessionInfo(
                session,
                opened.organisation().id(),
                opened.endpoint().name(),
                first.getFirst().actor().name(),
                opened.ticket(),
                first.getFirst().at(),
                closed == null ? null : last.at(),
                closed == null ? null : closed.outcome(),
                head.seq());
    }
}
