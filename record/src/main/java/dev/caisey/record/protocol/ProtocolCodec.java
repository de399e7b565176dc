package dev.caisey.record.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.json.Json;
import dev.caisey.record.json.JsonRules;
import dev.caisey.record.json.RecordShape;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes {@link Frame}s: {@code {"v": 1, "type": "…", "id": "…", "re": "…", "body": {…}}}, with
 * {@code id} and {@code re} optional.
 *
 * <p>Reading is strict and bounded, in this order: a frame over {@link Limits#MAX_MESSAGE_BYTES} UTF-8 bytes is
 * refused unread ({@link ErrorCode#TOO_LARGE}); text that is not JSON is {@link ErrorCode#MALFORMED}; a version other
 * than {@link Protocol#VERSION} is {@link ErrorCode#UNSUPPORTED_VERSION}; a missing, unknown, {@code null} or
 * mistyped member, a fraction or an out-of-range value is {@link ErrorCode#INVALID}; a type this version does not know
 * is {@link ErrorCode#UNKNOWN_TYPE}; a type the sender may not send is {@link ErrorCode#FORBIDDEN}. Every failure is a
 * {@link RecordException} whose message names the member at fault and what was expected.
 */
public final class ProtocolCodec {
    private static final String FRAME = "frame";
    private static final Set<String> REQUIRED = Set.of("v", "type", "body");
    private static final Set<String> OPTIONAL = Set.of("id", "re");

    private ProtocolCodec() {}

    /**
     * The frame as compact JSON text.
     *
     * @throws RecordException with {@link ErrorCode#TOO_LARGE} if the text would exceed {@link
     *     Limits#MAX_MESSAGE_BYTES}, since the receiver would refuse it
     */
    public static String encode(Frame frame) {
        ObjectNode root = Json.object();
        root.put("v", Protocol.VERSION);
        root.put("type", frame.type().wireName());
        if (frame.id() != null) {
            root.put("id", frame.id());
        }
        if (frame.re() != null) {
            root.put("re", frame.re());
        }
        root.set("body", BodyCodec.encode(frame.body()));
        String text = Json.write(root);
        if (text.length() > Limits.MAX_MESSAGE_BYTES / 3) {
            requireWithinLimit(
                    text.getBytes(StandardCharsets.UTF_8).length,
                    "a '" + frame.type().wireName() + "'");
        }
        return text;
    }

    /** Reads a frame from any sender; see the class comment for what is refused. */
    public static Frame decode(String text) {
        return decode(utf8(text));
    }

    /** Reads a frame from any sender out of UTF-8 bytes; see the class comment for what is refused. */
    public static Frame decode(byte[] utf8) {
        return read(utf8, null);
    }

    /**
     * Reads a frame that {@code sender} sent, refusing a type that sender may not send.
     *
     * @throws RecordException with {@link ErrorCode#FORBIDDEN} for a type the sender may not send, or any code of
     *     {@link #decode(byte[])}
     */
    public static Frame decodeFrom(Sender sender, String text) {
        return decodeFrom(sender, utf8(text));
    }

    /** Like {@link #decodeFrom(Sender, String)}, from UTF-8 bytes. */
    public static Frame decodeFrom(Sender sender, byte[] utf8) {
        return read(utf8, Objects.requireNonNull(sender, "sender"));
    }

    private static Frame read(byte[] utf8, Sender sender) {
        requireWithinLimit(utf8.length, "a frame");
        JsonNode root = Json.parse(utf8);
        if (!root.isObject()) {
            throw new RecordException(
                    ErrorCode.INVALID, "a frame must be a JSON object; found " + RecordShape.describe(root));
        }
        requireVersion(root);
        JsonRules.members(root, FRAME, REQUIRED, OPTIONAL);
        MessageType type = MessageType.ofWireName(JsonRules.text(root, "type", FRAME));
        if (sender != null) {
            type.requireAllowedFrom(sender);
        }
        String id = root.has("id") ? JsonRules.text(root, "id", FRAME) : null;
        String re = root.has("re") ? JsonRules.text(root, "re", FRAME) : null;
        Message body = BodyCodec.decode(type, root.get("body"));
        try {
            return new Frame(id, re, body);
        } catch (RecordException e) {
            throw new RecordException(e.code(), FRAME + "." + e.getMessage(), e);
        }
    }

    private static void requireVersion(JsonNode root) {
        JsonNode v = root.get("v");
        if (v == null) {
            throw new RecordException(ErrorCode.INVALID, "frame is missing the member 'v' (the protocol version)");
        }
        if (!v.isIntegralNumber()) {
            throw new RecordException(
                    ErrorCode.INVALID, "frame.v must be an integer; found " + RecordShape.describe(v));
        }
        if (!v.canConvertToInt() || v.intValue() != Protocol.VERSION) {
            throw new RecordException(
                    ErrorCode.UNSUPPORTED_VERSION,
                    "protocol version " + v.asText() + " is not supported; this side speaks version "
                            + Protocol.VERSION);
        }
    }

    private static void requireWithinLimit(int bytes, String what) {
        if (bytes > Limits.MAX_MESSAGE_BYTES) {
            throw new RecordException(
                    ErrorCode.TOO_LARGE,
                    what + " of " + bytes + " bytes is larger than the limit of " + Limits.MAX_MESSAGE_BYTES
                            + " bytes");
        }
    }

    private static byte[] utf8(String text) {
        if (text.length() > Limits.MAX_MESSAGE_BYTES) {
            throw new RecordException(
                    ErrorCode.TOO_LARGE,
                    "a frame of " + text.length() + " characters is larger than the limit of "
                            + Limits.MAX_MESSAGE_BYTES + " bytes");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
