package dev.caisey.record.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Require;
import dev.caisey.record.json.CanonicalJson;
import dev.caisey.record.json.EventCodec;

/**
 * The end of a session's hash chain: the last event's number, hash and time. Appending an event gives the event and
 * the new head; the head itself never changes, so a sequencer can hand it between threads freely.
 *
 * @param session the session id
 * @param seq the last event's number, 0 before the first event
 * @param hash the last event's hash, {@link RecordedEvent#GENESIS} before the first event
 * @param at the last event's time in UTC microseconds, 0 before the first event
 */
public record ChainHead(String session, long seq, String hash, long at) {
    /** Validates every member. */
    public ChainHead {
        Require.id(session, "session");
        Require.nonNegative(seq, "seq");
        Require.sha256Hex(hash, "hash");
        Require.nonNegative(at, "at");
    }

    /** The head of a session with no events yet. */
    public static ChainHead genesis(String session) {
        return new ChainHead(session, 0, RecordedEvent.GENESIS, 0);
    }

    /** The head after an event. */
    public static ChainHead of(RecordedEvent last) {
        return new ChainHead(last.session(), last.seq(), last.hash(), last.at());
    }

    /**
     * The next event of the chain: numbered {@code seq + 1}, linked to this head's hash, and hashed. Its time is
     * never earlier than the head's, so the record's clock never runs backwards.
     *
     * @param at the server's UTC time in microseconds; raised to the head's time if earlier
     */
    public RecordedEvent next(long at, String id, Actor actor, Long sourceAt, Event event) {
        long when = Math.max(at, this.at);
        ObjectNode unsealed = EventCodec.withoutHash(session, seq + 1, when, id, actor, sourceAt, event, hash);
        return new RecordedEvent(session, seq + 1, when, id, actor, sourceAt, event, hash, hashOf(unsealed));
    }

    /** The head after appending {@code event}, which must be the event {@link #next} returned. */
    public ChainHead after(RecordedEvent event) {
        if (event.seq() != seq + 1
                || !event.prev().equals(hash)
                || !event.session().equals(session)) {
            throw new IllegalArgumentException("event " + event.seq() + " does not follow head " + seq);
        }
        return of(event);
    }

    /**
     * The hash of an event given as JSON: SHA-256 over the RFC 8785 form of the object without its {@code hash}
     * member.
     */
    public static String hashOf(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("hash");
        return Sha256.hex(CanonicalJson.bytes(copy));
    }
}
