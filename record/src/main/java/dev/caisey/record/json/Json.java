package dev.caisey.record.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The one Jackson configuration of Caisey: strict parsing (duplicate keys, trailing tokens, unknown members, coerced
 * scalars and floats are all refused, nesting and number length are bounded) and compact writing without nulls.
 *
 * <p>Jackson with sorted keys is <em>not</em> RFC 8785; hashing and signing go through {@link CanonicalJson}.
 */
public final class Json {
    private static final ObjectMapper MAPPER = create();

    private Json() {}

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses UTF-8 JSON text strictly. Other encodings, a byte-order mark and invalid UTF-8 are refused rather than
     * guessed at, so every reader of a record sees the same characters.
     *
     * @throws RecordException with {@link ErrorCode#MALFORMED} saying where the text stops being JSON
     */
    public static JsonNode parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RecordException(ErrorCode.MALFORMED, "the input is not UTF-8 text", e);
        }
        return parse(text);
    }

    /** Parses JSON text strictly; see {@link #parse(byte[])}. */
    public static JsonNode parse(String text) {
        if (text.startsWith("\uFEFF")) {
            throw new RecordException(
                    ErrorCode.MALFORMED, "the input starts with a byte-order mark; expected UTF-8 without one");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new RecordException(ErrorCode.MALFORMED, "the input is empty; expected a JSON value");
            }
            return node;
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Writes a node as compact JSON text (member order as in the node; not canonical). */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Converts a record to a JSON tree, leaving out {@code null} members. */
    public static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Binds a JSON tree to a record after {@link RecordShape} has checked its members and their kinds, translating
     * Jackson's complaints into a sentence that names the member.
     *
     * @param path where the node sits, for messages ("data", "checkpoints[2]")
     * @throws RecordException with {@link ErrorCode#INVALID} naming what was wrong
     */
    public static <T> T bind(JsonNode node, Class<T> type, String path) {
        if (node == null || !node.isObject()) {
            throw new RecordException(ErrorCode.INVALID, path + " must be a JSON object");
        }
        if (type.isRecord()) {
            RecordShape.check(node, type, path);
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof RecordException cause) {
                throw new RecordException(cause.code(), path + ": " + cause.getMessage(), e);
            }
            throw new RecordException(ErrorCode.INVALID, path + ": " + e.getOriginalMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            throw new RecordException(
                    ErrorCode.INVALID,
                    path + " has an unknown member '" + e.getPropertyName() + "'; allowed are "
                            + e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .collect(Collectors.joining(", ")),
                    e);
        } catch (InvalidFormatException e) {
            throw new RecordException(
                    ErrorCode.INVALID,
                    path + memberPath(e) + " has the wrong type or value; expected "
                            + e.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    e);
        } catch (MismatchedInputException e) {
            String target = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
            throw new RecordException(
                    ErrorCode.INVALID, path + memberPath(e) + " has the wrong type; expected " + target, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RecordException(ErrorCode.INVALID, path + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }

    private static String memberPath(MismatchedInputException e) {
        String members = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        return members;
    }

    private static RecordException malformed(IOException e) {
        String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        String where = "";
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            where = " at line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr();
        }
        return new RecordException(ErrorCode.MALFORMED, "not valid JSON" + where + ": " + detail, e);
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                        .maxNumberLength(24)
                        .maxStringLength(Limits.MAX_MESSAGE_BYTES * 4)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }
}
