package dev.caisey.record.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Require;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.record.json.JsonRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One page of a session's record as a mirror fetches it ({@code GET /api/sessions/<id>/events?after=N}, format
 * {@value #FORMAT}): the events after {@code after}, the checkpoints that fall within them, and the server's checkpoint
 * key. A mirror asks page after page, each time after the last event it stored, until {@code more} is false.
 *
 * <p>Each event keeps the exact JSON it arrived as ({@link #rawEvents}), because its hash is checked over those bytes,
 * not over what this code would write again. This type checks shape only; whether the page continues the mirror's
 * chain and whether its checkpoints are signed is the mirror's business.
 *
 * @param session the session id
 * @param after the last event the asker already had
 * @param lastSeq the session's last event on the server now
 * @param events the events after {@code after}, ascending, at most {@link #MAX_EVENTS}
 * @param rawEvents the same events as they arrived (or were written)
 * @param checkpoints the signed checkpoints on events of this page, ascending
 * @param keys the public keys those checkpoints name
 */
public record SyncPage(
        String session,
        long after,
        long lastSeq,
        List<RecordedEvent> events,
        List<JsonNode> rawEvents,
        List<Checkpoint> checkpoints,
        List<KeyEntry> keys) {
    /** The format name and version of a page. */
    public static final String FORMAT = "caisey-sync/1";

    /** Most events in one page. */
    public static final int MAX_EVENTS = 5_000;

    /** Largest page accepted, in bytes (events of up to 64 KiB of output each). */
    public static final long MAX_PAGE_BYTES = 96L * 1024 * 1024;

    private static final Set<String> MEMBERS =
            Set.of("format", "session", "after", "lastSeq", "events", "checkpoints", "keys");

    /** Validates the members and copies the lists. */
    public SyncPage {
        Require.id(session, "session");
        Require.nonNegative(after, "after");
        Require.nonNegative(lastSeq, "lastSeq");
        events = List.copyOf(events);
        rawEvents = List.copyOf(rawEvents);
        checkpoints = List.copyOf(checkpoints);
        keys = List.copyOf(keys);
        if (events.size() > MAX_EVENTS || events.size() != rawEvents.size()) {
            throw Require.invalid("a page carries at most " + MAX_EVENTS + " events, each with its JSON");
        }
    }

    /** A page written by the server from stored events. */
    public static SyncPage of(
            String session,
            long after,
            long lastSeq,
            List<RecordedEvent> events,
            List<Checkpoint> checkpoints,
            List<KeyEntry> keys) {
        List<JsonNode> raw = new ArrayList<>(events.size());
        events.forEach(e -> raw.add(EventCodec.toJson(e)));
        return new SyncPage(session, after, lastSeq, events, raw, checkpoints, keys);
    }

    /** Whether the server holds events after this page. */
    public boolean more() {
        long last = events.isEmpty() ? after : events.getLast().seq();
        return last < lastSeq;
    }

    /** The page as compact UTF-8 JSON. */
    public byte[] write() {
        return write(
                session, after, lastSeq, rawEvents.stream().map(Json::write).toList(), checkpoints, keys);
    }

    /**
     * A page as compact UTF-8 JSON, its events given as the JSON text they are stored as (spliced in unchanged, so a
     * server serves its record without parsing it).
     */
    public static byte[] write(
            String session,
            long after,
            long lastSeq,
            List<String> eventJson,
            List<Checkpoint> checkpoints,
            List<KeyEntry> keys) {
        ObjectNode head = Json.object();
        head.put("format", FORMAT);
        head.put("session", session);
        head.put("after", after);
        head.put("lastSeq", lastSeq);
        ArrayNode checkpointNodes = head.putArray("checkpoints");
        checkpoints.forEach(c -> checkpointNodes.add(Json.tree(c)));
        ArrayNode keyNodes = head.putArray("keys");
        keys.forEach(k -> keyNodes.add(Json.tree(k)));
        String start = Json.write(head);
        StringBuilder out = new StringBuilder(start.length() + eventJson.size() * 512);
        out.append(start, 0, start.length() - 1).append(",\"events\":[");
        for (int i = 0; i < eventJson.size(); i++) {
            out.append(i == 0 ? "" : ",").append(eventJson.get(i));
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a page strictly: the format, every member's shape and every event's shape (not hashes or signatures).
     *
     * @throws RecordException naming the first problem
     */
    public static SyncPage read(byte[] data) {
        if (data.length > MAX_PAGE_BYTES) {
            throw new RecordException(
                    ErrorCode.TOO_LARGE,
                    "the page is " + data.length + " bytes; at most " + MAX_PAGE_BYTES + " are read");
        }
        JsonNode root = Json.parse(data);
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText(null))) {
            throw new RecordException(ErrorCode.INVALID, "the answer is not a page of format " + FORMAT);
        }
        JsonRules.members(root, "the page", MEMBERS, Set.of());
        List<RecordedEvent> events = new ArrayList<>();
        List<JsonNode> raw = new ArrayList<>();
        JsonNode eventNodes = array(root, "events");
        for (int i = 0; i < eventNodes.size(); i++) {
            events.add(EventCodec.fromJson(eventNodes.get(i), "events[" + i + "]"));
            raw.add(eventNodes.get(i));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        JsonNode checkpointNodes = array(root, "checkpoints");
        for (int i = 0; i < checkpointNodes.size(); i++) {
            JsonRules.check(checkpointNodes.get(i), "checkpoints[" + i + "]");
            checkpoints.add(Json.bind(checkpointNodes.get(i), Checkpoint.class, "checkpoints[" + i + "]"));
        }
        List<KeyEntry> keys = new ArrayList<>();
        JsonNode keyNodes = array(root, "keys");
        for (int i = 0; i < keyNodes.size(); i++) {
            JsonRules.check(keyNodes.get(i), "keys[" + i + "]");
            keys.add(Json.bind(keyNodes.get(i), KeyEntry.class, "keys[" + i + "]"));
        }
        return new SyncPage(
                JsonRules.text(root, "session", "the page"),
                JsonRules.integer(root, "after", "the page"),
                JsonRules.integer(root, "lastSeq", "the page"),
                events,
                raw,
                checkpoints,
                keys);
    }

    private static JsonNode array(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (node == null || !node.isArray()) {
            throw new RecordException(ErrorCode.INVALID, "the page's '" + member + "' must be a JSON array");
        }
        return node;
    }
}
