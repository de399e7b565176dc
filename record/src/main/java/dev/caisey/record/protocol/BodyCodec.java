package dev.caisey.record.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.EventType;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.record.json.JsonRules;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Converts a message to and from the {@code body} of a frame.
 *
 * <p>Most bodies are a record's components as JSON members, checked and bound by {@link Json#bind}. Three have a form of their own: {@code error} carries its code's wire name, {@code event} carries a
 * recorded event in the record's own JSON form, and {@code agent.report} names its event's type beside its data.
 */
final class BodyCodec {
    private static final String BODY = "body";

    private BodyCodec() {}

    static ObjectNode encode(Message message) {
        return switch (message) {
            case ErrorReply error -> {
                ObjectNode node = Json.object();
                node.put("code", error.code().wireName());
                node.put("message", error.message());
                yield node;
            }
            case EventPush push -> {
                ObjectNode node = Json.object();
                node.set("event", EventCodec.toJson(push.event()));
                yield node;
            }
            case AgentReport report -> {
                ObjectNode node = Json.object();
                node.put("session", report.session());
                node.put("eventId", report.eventId());
                node.put("sourceAt", report.sourceAt());
                node.put("eventType", report.event().type().wireName());
                node.set("data", Json.tree(report.event()));
                yield node;
            }
            default -> Json.tree(message);
        };
    }

    /**
     * Reads the body of a frame of the given type.
     *
     * @throws RecordException naming the member at fault, prefixed with the message type
     */
    static Message decode(MessageType type, JsonNode body) {
        try {
            JsonRules.check(body, BODY);
            return switch (type) {
                case ERROR -> decodeError(body);
                case EVENT -> decodeEvent(body);
                case AGENT_REPORT -> decodeReport(body);
                default -> Json.bind(body, type.javaType(), BODY);
            };
        } catch (RecordException e) {
            throw new RecordException(e.code(), type.wireName() + ": " + e.getMessage(), e);
        }
    }

    private static ErrorReply decodeError(JsonNode body) {
        ObjectNode object = JsonRules.members(body, BODY, Set.of("code", "message"), Set.of());
        String codeName = JsonRules.text(object, "code", BODY);
        ErrorCode code;
        try {
            code = ErrorCode.ofWireName(codeName);
        } catch (RecordException e) {
            throw new RecordException(e.code(), "body.code: " + e.getMessage(), e);
        }
        String message = JsonRules.text(object, "message", BODY);
        return construct(() -> new ErrorReply(code, message));
    }

    private static EventPush decodeEvent(JsonNode body) {
        ObjectNode object = JsonRules.members(body, BODY, Set.of("event"), Set.of());
        return new EventPush(EventCodec.fromJson(object.get("event"), "body.event"));
    }

    private static AgentReport decodeReport(JsonNode body) {
        ObjectNode object =
                JsonRules.members(body, BODY, Set.of("session", "eventId", "sourceAt", "eventType", "data"), Set.of());
        EventType eventType;
        try {
            eventType = EventType.ofWireName(JsonRules.text(object, "eventType", BODY));
        } catch (RecordException e) {
            throw new RecordException(e.code(), "body.eventType: " + e.getMessage(), e);
        }
        AgentReport.requireReportable(eventType);
        String dataPath = "body.data (" + eventType.wireName() + ")";
        Event event = Json.bind(object.get("data"), eventType.javaType(), dataPath);
        String session = JsonRules.text(object, "session", BODY);
        String eventId = JsonRules.text(object, "eventId", BODY);
        long sourceAt = JsonRules.integer(object, "sourceAt", BODY);
        return construct(() -> new AgentReport(session, eventId, sourceAt, event));
    }

    /** Runs a compact constructor, saying that the member it names is one of the body's. */
    private static <T> T construct(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (RecordException e) {
            throw new RecordException(e.code(), BODY + ": " + e.getMessage(), e);
        }
    }
}
