package dev.caisey.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Require;
import dev.caisey.record.json.Json;

/**
 * A request the codec refused (unknown type, wrong version, a member out of place, a type the sender may not send) is
 * usually still JSON with an {@code id}: finding that id lets the error frame name the request it answers, so the
 * peer's pending request fails at once instead of waiting for an answer that never comes.
 */
final class Unreadable {
    private Unreadable() {}

    /** The {@code id} of a refused frame's text, or {@code null} if it is over the size limit, not JSON or has none. */
    static String requestId(String text) {
        if (text.length() > Limits.MAX_MESSAGE_BYTES) {
            return null;
        }
        try {
            JsonNode id = Json.parse(text).get("id");
            return id != null && id.isTextual() ? Require.optionalId(id.textValue(), "id") : null;
        } catch (RecordException e) {
            // Not JSON, or an id that is no valid identifier: the refusal then names no request.
            return null;
        }
    }
}
