package dev.caisey.record.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules every JSON value in a record or a wire message obeys, beyond being JSON: no {@code null}s (optional
 * members are left out), no floating-point numbers, integers within &plusmn;2<sup>53</sup>, and well-formed Unicode in
 * every string and member name. These make RFC 8785 output reproducible by any JSON library that sorts keys.
 */
public final class JsonRules {
    private JsonRules() {}

    /**
     * Checks a whole tree.
     *
     * @param path the name of the root, used in messages ("events[3]")
     * @throws RecordException with {@link ErrorCode#INVALID} naming the first offending member
     */
    public static void check(JsonNode node, String path) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    String child = path + "." + member.getKey();
                    requireWellFormed(member.getKey(), path + " (a member name)");
                    check(member.getValue(), child);
                }
            }
            case ARRAY -> {
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), path + "[" + i + "]");
                }
            }
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw invalid(path + " is a fraction or uses an exponent; a record holds integers only");
                }
                if (!node.canConvertToLong()
                        || node.longValue() > Limits.MAX_SAFE_INTEGER
                        || node.longValue() < -Limits.MAX_SAFE_INTEGER) {
                    throw invalid(path + " is outside the range of ±2^53 that a record allows");
                }
            }
            case STRING -> requireWellFormed(node.textValue(), path);
            case NULL -> throw invalid(path + " is null; leave optional members out instead");
            case BOOLEAN -> {}
            default -> throw invalid(path + " holds a value that JSON text cannot hold");
        }
    }

    /**
     * Checks that an object has every required member and nothing beyond the required and optional ones.
     *
     * @throws RecordException with {@link ErrorCode#INVALID} naming the missing or unknown member
     */
    public static ObjectNode members(JsonNode node, String path, Set<String> required, Set<String> optional) {
        if (node == null || !node.isObject()) {
            throw invalid(path + " must be a JSON object");
        }
        for (String name : new TreeSet<>(required)) {
            if (!node.has(name)) {
                throw invalid(path + " is missing the member '" + name + "'");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!required.contains(name) && !optional.contains(name)) {
                TreeSet<String> allowed = new TreeSet<>(required);
                allowed.addAll(optional);
                throw invalid(
                        path + " has an unknown member '" + name + "'; allowed are " + String.join(", ", allowed));
            }
        }
        return (ObjectNode) node;
    }

    /** The string member {@code name} of an object that {@link #members} checked. */
    public static String text(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            throw invalid(path + "." + name + " must be a string");
        }
        return value.textValue();
    }

    /** The integer member {@code name} of an object that {@link #members} and {@link #check} accepted. */
    public static long integer(JsonNode object, String name, String path) {
        JsonNode value = object.get(name);
        if (value == null || !value.isIntegralNumber()) {
            throw invalid(path + "." + name + " must be an integer");
        }
        return value.longValue();
    }

    /** Like {@link #integer} but {@code null} when the member is absent. */
    public static Long optionalInteger(JsonNode object, String name, String path) {
        return object.has(name) ? integer(object, name, path) : null;
    }

    private static void requireWellFormed(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(path + " contains an unpaired UTF-16 surrogate at character " + i);
            }
        }
    }

    private static RecordException invalid(String message) {
        return new RecordException(ErrorCode.INVALID, message);
    }
}
