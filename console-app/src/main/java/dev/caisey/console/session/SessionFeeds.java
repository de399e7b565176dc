package dev.caisey.console.session;

import dev.caisey.console.connection.ServerConnection;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.protocol.EventPush;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions the console follows: routes each pushed event to its session's {@link SessionFeed} and, after every
 * sign-in (a reconnect included), has each feed subscribe again after the last event it holds.
 */
public final class SessionFeeds {
    private final ServerConnection connection;
    private final Map<String, SessionFeed> feeds = new ConcurrentHashMap<>();

    /** Feeds over {@code connection}. */
    public SessionFeeds(ServerConnection connection) {
        this.connection = connection;
        connection.onPush(frame -> {
            if (frame.body() instanceof EventPush push) {
                RecordedEvent e = push.event();
                SessionFeed feed = feeds.get(e.session());
                if (feed != null) {
                    feed.received(List.of(e));
                }
            }
        });
        connection.onSignedIn(ok -> feeds.values().forEach(SessionFeed::subscribe));
    }

    /**
     * Follows {@code session} from its first event: {@code listener} is told every event once, in order, on the
     * connection's event thread. Following a session already followed replaces the earlier feed. Close the feed to
     * stop.
     */
    public SessionFeed follow(String session, SessionListener listener) {
        SessionFeed[] self = new SessionFeed[1];
        SessionFeed feed =
                new SessionFeed(session, listener, connection::request, () -> feeds.remove(session, self[0]));
        self[0] = feed;
        SessionFeed previous = feeds.put(session, feed);
        if (previous != null) {
            previous.close();
        }
        connection.onEventThread(feed::subscribe);
        return feed;
    }
}
