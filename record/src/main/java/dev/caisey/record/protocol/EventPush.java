package dev.caisey.record.protocol;

import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Require;

/**
 * {@code event}: a durable event of a session a subscriber follows, in the record's own JSON form (see {@link
 * dev.caisey.record.json.EventCodec}), so the subscriber can check its hash and chain.
 *
 * @param event the event as recorded
 */
public record EventPush(RecordedEvent event) implements Message {
    /** Validates every member. */
    public EventPush {
        Require.present(event, "event");
    }
}
