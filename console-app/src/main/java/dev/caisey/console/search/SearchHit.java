package dev.caisey.console.search;

import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Role;
import java.time.Instant;

/**
 * One event that matched a search: enough to show it in a list and to open the session at that event.
 *
 * @param session the session id
 * @param seq the event's number in the session
 * @param atMicros the server's UTC time of the event, in microseconds since the epoch
 * @param type the event's type, as its wire name ("command.output")
 * @param actorRole the role of whoever caused the event
 * @param actorName their name
 * @param endpoint the session's endpoint host name
 * @param snippet the piece of text that matched, with the matches marked
 */
public record SearchHit(
        String session,
        long seq,
        long atMicros,
        String type,
        Role actorRole,
        String actorName,
        String endpoint,
        Snippet snippet) {

    /** When the event happened. */
    public Instant at() {
        return Micros.toInstant(atMicros);
    }
}
