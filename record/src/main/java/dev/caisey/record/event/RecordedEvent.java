package dev.caisey.record.event;

/**
 * One event of a session's record as the server wrote it: numbered, time-stamped, attributed and chained to the one
 * before it.
 *
 * <p>The JSON form is an object with the members {@code session}, {@code seq}, {@code at}, {@code id}, {@code type},
 * {@code actor}, {@code sourceAt} (optional), {@code data}, {@code prev} and {@code hash}; see {@code docs/RECORD.md}.
 * This record validates each member's shape; whether {@code hash} and {@code prev} are right is the business of
 * {@code dev.caisey.record.chain}.
 *
 * @param session the session id
 * @param seq the event's number within the session, from 1, without gaps
 * @param at the server's UTC time when it wrote the event, in microseconds since the epoch
 * @param id a unique id given by the event's source, used to drop duplicates on resend
 * @param actor who caused the event
 * @param sourceAt the source's own clock in UTC microseconds when it has one (agents, consoles), else {@code null}
 * @param event what happened
 * @param prev the previous event's hash, or 64 zeros for event 1
 * @param hash SHA-256 (lower-case hex) of the canonical JSON of this event without its {@code hash} member
 */
public record RecordedEvent(
        String session,
        long seq,
        long at,
        String id,
        Actor actor,
        Long sourceAt,
        Event event,
        String prev,
        String hash) {

    /** The {@code prev} of a session's first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** Validates every member's shape. */
    public RecordedEvent {
        Require.id(session, "session");
        Require.positive(seq, "seq");
        Require.nonNegative(at, "at");
        Require.id(id, "id");
        Require.present(actor, "actor");
        Require.optionalMicros(sourceAt, "sourceAt");
        Require.present(event, "data");
        Require.sha256Hex(prev, "prev");
        Require.sha256Hex(hash, "hash");
    }

    /** This event's type. */
    public EventType type() {
        return event.type();
    }
}
