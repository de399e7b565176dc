package dev.caisey.record.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Maps the lower-case wire form of the record's enums back to constants, with a message listing what is allowed. */
final class WireNames {
    private WireNames() {}

    static <E extends Enum<E>> E of(Class<E> type, String name, String member) {
        Require.present(name, member);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
                return constant;
            }
        }
        throw Require.invalid(
                member + " must be one of " + allowed(type) + "; found '" + Require.abbreviate(name) + "'");
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
