package dev.caisey.record.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: member names sorted by UTF-16 code units, no
 * whitespace, ECMAScript number and string serialisation, UTF-8.
 *
 * <p>The record's values obey {@link JsonRules}, so the same bytes come out of {@code json.dumps(value,
 * sort_keys=True, separators=(",", ":"), ensure_ascii=False)} in Python; {@code docs/RECORD.md} relies on that.
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of a JSON value. */
    public static byte[] bytes(JsonNode value) {
        try {
            return new JsonCanonicalizer(Json.write(value)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree Jackson wrote could not be canonicalised", e);
        }
    }

    /** The canonical form of JSON text, as a string. */
    public static String text(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The canonical form of a JSON value, as a string. */
    public static String text(JsonNode value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }
}
