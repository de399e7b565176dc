package dev.caisey.record.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import dev.caisey.record.json.JsonRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and writes {@link RecordExport} documents, strictly and within a size limit. */
public final class ExportCodec {
    private static final Set<String> MEMBERS = Set.of("format", "session", "events", "checkpoints", "keys");

    private ExportCodec() {}

    /** The document as UTF-8 JSON, indented for people, one member per line. */
    public static byte[] write(RecordExport export) {
        ObjectNode root = Json.object();
        root.put("format", RecordExport.FORMAT);
        root.set("session", Json.tree(export.session()));
        ArrayNode events = root.putArray("events");
        export.events().forEach(e -> events.add(EventCodec.toJson(e)));
        ArrayNode checkpoints = root.putArray("checkpoints");
        export.checkpoints().forEach(c -> checkpoints.add(Json.tree(c)));
        ArrayNode keys = root.putArray("keys");
        export.keys().forEach(k -> keys.add(Json.tree(k)));
        try {
            return (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export could not be written", e);
        }
    }

    /**
     * Reads a file's JSON tree, refusing files over {@code maxBytes}.
     *
     * @throws RecordException with {@link ErrorCode#TOO_LARGE}, {@link ErrorCode#MALFORMED} or {@link
     *     ErrorCode#NOT_FOUND}
     */
    public static JsonNode readTree(Path file, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw tooLarge(size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] data = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                if (data.length > maxBytes) {
                    throw tooLarge(data.length, maxBytes);
                }
                return Json.parse(data);
            }
        } catch (NoSuchFileException e) {
            throw new RecordException(ErrorCode.NOT_FOUND, "there is no file " + file, e);
        } catch (IOException e) {
            throw new RecordException(
                    ErrorCode.NOT_FOUND, "the file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a document from bytes, refusing more than {@code maxBytes}. */
    public static JsonNode readTree(byte[] data, long maxBytes) {
        if (data.length > maxBytes) {
            throw tooLarge(data.length, maxBytes);
        }
        return Json.parse(data);
    }

    /**
     * The typed document of a JSON tree. Checks the format version and the shape of every member, not the chain.
     *
     * @throws RecordException naming the first problem
     */
    public static RecordExport fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new RecordException(ErrorCode.INVALID, "the document must be a JSON object with a 'format' member");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw new RecordException(
                    ErrorCode.INVALID, "the document has no 'format' member; is this a Caisey record export?");
        }
        if (!RecordExport.FORMAT.equals(format.textValue())) {
            throw new RecordException(
                    ErrorCode.UNSUPPORTED_VERSION,
                    "the format is '" + format.textValue() + "'; this verifier reads " + RecordExport.FORMAT);
        }
        JsonRules.members(root, "the document", MEMBERS, Set.of());
        // Each event is checked by EventCodec as it is read; the rest of the document here, so nothing is walked twice.
        for (String member : List.of("session", "checkpoints", "keys")) {
            JsonRules.check(root.get(member), "$." + member);
        }
        List<RecordedEvent> events = new ArrayList<>();
        JsonNode eventNodes = array(root, "events");
        for (int i = 0; i < eventNodes.size(); i++) {
            events.add(EventCodec.fromJson(eventNodes.get(i), "events[" + i + "]"));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        JsonNode checkpointNodes = array(root, "checkpoints");
        for (int i = 0; i < checkpointNodes.size(); i++) {
            checkpoints.add(Json.bind(checkpointNodes.get(i), Checkpoint.class, "checkpoints[" + i + "]"));
        }
        List<KeyEntry> keys = new ArrayList<>();
        JsonNode keyNodes = array(root, "keys");
        for (int i = 0; i < keyNodes.size(); i++) {
            keys.add(Json.bind(keyNodes.get(i), KeyEntry.class, "keys[" + i + "]"));
        }
        SessionSummary summary = Json.bind(root.get("session"), SessionSummary.class, "session");
        if (events.isEmpty()) {
            throw new RecordException(ErrorCode.INVALID, "the document has no events");
        }
        return new RecordExport(summary, events, checkpoints, keys);
    }

    private static JsonNode array(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (!node.isArray()) {
            throw new RecordException(ErrorCode.INVALID, "'" + member + "' must be a JSON array");
        }
        return node;
    }

    private static RecordException tooLarge(long size, long maxBytes) {
        return new RecordException(
                ErrorCode.TOO_LARGE,
                "the file is " + mib(size) + "; records up to " + mib(maxBytes)
                        + " are read (raise the limit with --max-size if you trust the file)");
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MiB" : bytes + " bytes";
    }
}
