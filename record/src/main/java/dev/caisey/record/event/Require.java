package dev.caisey.record.event;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import java.util.regex.Pattern;

/**
 * The checks that compact constructors of events and wire messages share. Each failure says which member was wrong and
 * what was expected.
 */
public final class Require {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private Require() {}

    /** An identifier: 1 to {@link Limits#MAX_ID_CHARS} of letters, digits, dot, underscore, colon and dash. */
    public static String id(String value, String member) {
        present(value, member);
        if (value.length() > Limits.MAX_ID_CHARS || !ID.matcher(value).matches()) {
            throw invalid(member + " must be 1 to " + Limits.MAX_ID_CHARS
                    + " letters, digits, '.', '_', ':' or '-', starting with a letter or digit; found '"
                    + abbreviate(value) + "'");
        }
        return value;
    }

    /** An identifier or {@code null}. */
    public static String optionalId(String value, String member) {
        return value == null ? null : id(value, member);
    }

    /** Text that is not blank and at most {@code maxChars} characters (UTF-16 units) long. */
    public static String text(String value, String member, int maxChars) {
        present(value, member);
        if (value.isBlank()) {
            throw invalid(member + " must not be blank");
        }
        return maxLength(value, member, maxChars);
    }

    /**
     * Text as for {@link #text}, or {@code null}. An optional member is left out when it has nothing to say, so an
     * empty or blank value is refused.
     */
    public static String optionalText(String value, String member, int maxChars) {
        if (value != null && value.isBlank()) {
            throw invalid(member + " must not be blank; leave it out instead");
        }
        return value == null ? null : maxLength(value, member, maxChars);
    }

    /** Any text, whitespace included, of at most {@code maxChars} characters (UTF-16 units). */
    public static String maxLength(String value, String member, int maxChars) {
        present(value, member);
        if (value.length() > maxChars) {
            throw invalid(member + " is " + value.length() + " characters long; at most " + maxChars + " are allowed");
        }
        return value;
    }

    /** A lower-case hex SHA-256 digest. */
    public static String sha256Hex(String value, String member) {
        present(value, member);
        if (!HEX_64.matcher(value).matches()) {
            throw invalid(member + " must be 64 lower-case hex digits; found '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** An integer between {@code min} and {@code max}, inclusive. */
    public static long range(long value, String member, long min, long max) {
        if (value < min || value > max) {
            throw invalid(member + " must be between " + min + " and " + max + "; found " + value);
        }
        return value;
    }

    /** A non-negative integer within the safe range of a record. */
    public static long nonNegative(long value, String member) {
        return range(value, member, 0, Limits.MAX_SAFE_INTEGER);
    }

    /** A positive integer within the safe range of a record. */
    public static long positive(long value, String member) {
        return range(value, member, 1, Limits.MAX_SAFE_INTEGER);
    }

    /** Microseconds since the epoch, or {@code null}. */
    public static Long optionalMicros(Long value, String member) {
        if (value != null) {
            nonNegative(value, member);
        }
        return value;
    }

    /** A member that must be present. */
    public static <T> T present(T value, String member) {
        if (value == null) {
            throw invalid(member + " is missing");
        }
        return value;
    }

    /** An {@link ErrorCode#INVALID} exception with the given message. */
    public static RecordException invalid(String message) {
        return new RecordException(ErrorCode.INVALID, message);
    }

    /** The first 40 characters of a value, for messages. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
