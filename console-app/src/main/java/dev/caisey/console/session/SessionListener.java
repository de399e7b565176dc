package dev.caisey.console.session;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.RecordedEvent;
import java.util.List;

/**
 * Told about a followed session, on the connection's event thread (a desktop view hands the snapshot to its UI thread;
 * nothing here may block on the network).
 */
public interface SessionListener {
    /**
     * New events arrived, each the next of the chain; {@code snapshot} includes them.
     *
     * @param snapshot the session now
     * @param added the new events, in order
     */
    void updated(SessionSnapshot snapshot, List<RecordedEvent> added);

    /** Something is wrong with what the server sent (a broken chain) or with the subscription; shown, not thrown. */
    default void problem(ConsoleException problem) {}
}
