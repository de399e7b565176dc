package dev.caisey.record.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a JSON object has the members, and the kinds of JSON value, that a record's JSON form has, before
 * Jackson binds it.
 *
 * <p>Jackson alone is too lenient for records and the wire: it binds a missing {@code long} as 0 and a missing {@code boolean} as
 * {@code false}, and turns a number or {@code true} into a string. So every component's name is allowed, components of
 * primitive type are required, and each member present must be a string for a {@code String} or enum, an integer for
 * a {@code long} or {@code Long}, {@code true} or {@code false} for a {@code boolean}, an array for a {@code List} and
 * an object for a record; nested records and lists are checked the same way. A missing reference component binds as
 * {@code null}, which the record's compact constructor refuses by name unless it is optional.
 */
public final class RecordShape {
    private RecordShape() {}

    /**
     * Checks {@code node} against the components of {@code type}, a record class.
     *
     * @param path where the node sits, for messages ("body", "body.endpoints[2]")
     * @throws RecordException with {@link ErrorCode#INVALID} naming a missing, unknown or mistyped member
     */
    public static void check(JsonNode node, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> required = new LinkedHashSet<>();
        Set<String> optional = new LinkedHashSet<>();
        for (RecordComponent component : components) {
            (component.getType().isPrimitive() ? required : optional).add(component.getName());
        }
        JsonRules.members(node, path, required, optional);
        for (RecordComponent component : components) {
            JsonNode child = node.get(component.getName());
            if (child != null) {
                checkValue(child, component.getType(), component.getGenericType(), path + "." + component.getName());
            }
        }
    }

    /** The kind of a JSON value, for messages: "an array", "a fraction". */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a fraction";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> "another kind of value";
        };
    }

    private static void checkValue(JsonNode node, Class<?> type, Type genericType, String path) {
        if (type == String.class || type.isEnum()) {
            expect(node.isTextual(), node, path, "a string");
        } else if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            expect(node.isIntegralNumber(), node, path, "an integer");
        } else if (type == boolean.class || type == Boolean.class) {
            expect(node.isBoolean(), node, path, "true or false");
        } else if (type.isRecord()) {
            expect(node.isObject(), node, path, "an object");
            check(node, type, path);
        } else if (type == List.class) {
            expect(node.isArray(), node, path, "an array");
            if (genericType instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < node.size(); i++) {
                    checkValue(node.get(i), element, element, path + "[" + i + "]");
                }
            }
        }
    }

    private static void expect(boolean ok, JsonNode node, String path, String expected) {
        if (!ok) {
            throw new RecordException(ErrorCode.INVALID, path + " must be " + expected + "; found " + describe(node));
        }
    }
}
