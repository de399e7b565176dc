package dev.caisey.record.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.RecordedEvent;
import java.util.Set;

/**
 * Converts events to and from their JSON form, the one that is hashed, stored, sent and exported.
 *
 * <p>Member names: {@code session, seq, at, id, type, actor, sourceAt, data, prev, hash}; {@code sourceAt} is
 * optional. Reading is strict: a missing, unknown, null or mistyped member is refused with a message naming it.
 */
public final class EventCodec {
    private static final Set<String> REQUIRED =
            Set.of("session", "seq", "at", "id", "type", "actor", "data", "prev", "hash");
    private static final Set<String> OPTIONAL = Set.of("sourceAt");

    private EventCodec() {}

    /** The JSON form of an event, {@code hash} included. */
    public static ObjectNode toJson(RecordedEvent e) {
        ObjectNode node =
                withoutHash(e.session(), e.seq(), e.at(), e.id(), e.actor(), e.sourceAt(), e.event(), e.prev());
        node.put("hash", e.hash());
        return node;
    }

    /** The JSON form of an event's members other than {@code hash}: the object the hash is computed over. */
    public static ObjectNode withoutHash(
            String session, long seq, long at, String id, Actor actor, Long sourceAt, Event event, String prev) {
        ObjectNode node = Json.object();
        node.put("session", session);
        node.put("seq", seq);
        node.put("at", at);
        node.put("id", id);
        node.put("type", event.type().wireName());
        node.set("actor", Json.tree(actor));
        if (sourceAt != null) {
            node.put("sourceAt", sourceAt);
        }
        node.set("data", Json.tree(event));
        node.put("prev", prev);
        return node;
    }

    /**
     * Reads an event from its JSON form. Checks the shape of every member; does not check the hash.
     *
     * @param path where the event sits, for messages ("events[4]")
     * @throws RecordException naming the first problem
     */
    public static RecordedEvent fromJson(JsonNode node, String path) {
        ObjectNode object = JsonRules.members(node, path, REQUIRED, OPTIONAL);
        JsonRules.check(object, path);
        EventType type;
        try {
            type = EventType.ofWireName(JsonRules.text(object, "type", path));
        } catch (RecordException e) {
            throw new RecordException(e.code(), path + ": " + e.getMessage(), e);
        }
        Event event = Json.bind(object.get("data"), type.javaType(), path + ".data (" + type.wireName() + ")");
        Actor actor = Json.bind(object.get("actor"), Actor.class, path + ".actor");
        try {
            return new RecordedEvent(
                    JsonRules.text(object, "session", path),
                    JsonRules.integer(object, "seq", path),
                    JsonRules.integer(object, "at", path),
                    JsonRules.text(object, "id", path),
                    actor,
                    JsonRules.optionalInteger(object, "sourceAt", path),
                    event,
                    JsonRules.text(object, "prev", path),
                    JsonRules.text(object, "hash", path));
        } catch (RecordException e) {
            throw e.getMessage().startsWith(path) ? e : new RecordException(e.code(), path + "." + e.getMessage(), e);
        }
    }
}
