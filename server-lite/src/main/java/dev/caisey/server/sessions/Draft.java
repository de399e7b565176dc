package dev.caisey.server.sessions;

import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Event;
import java.util.Objects;

/**
 * An event a participant asked for, before the sequencer numbered, dated and chained it.
 *
 * @param actor who causes it
 * @param sourceAt the source's own clock in UTC microseconds, or {@code null}
 * @param eventId the source's id for it (agents resend with the same id), or {@code null} for a fresh one
 * @param event what happens
 */
public record Draft(Actor actor, Long sourceAt, String eventId, Event event) {
    /** Validates presence. */
    public Draft {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(event, "event");
    }

    /** A draft without a source clock or id of its own. */
    public static Draft of(Actor actor, Event event) {
        return new Draft(actor, null, null, event);
    }
}
