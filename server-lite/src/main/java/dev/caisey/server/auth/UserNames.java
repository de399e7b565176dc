package dev.caisey.server.auth;

import dev.caisey.record.event.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Account user names: a small, unambiguous alphabet (no look-alike Unicode), compared without regard to case by
 * keeping them in lower case.
 */
final class UserNames {
    /** Longest user name. */
    static final int MAX_CHARS = 64;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0," + (MAX_CHARS - 1) + "}");

    private UserNames() {}

    /** The stored form of a user name. */
    static String normalise(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    /** Whether a presented user name is worth looking up. */
    static boolean plausible(String user) {
        return user != null && !user.isEmpty() && user.length() <= MAX_CHARS;
    }

    /** The stored form of a new user name, or an {@code INVALID} refusal saying what is allowed. */
    static String require(String user) {
        String name = user == null ? null : normalise(user);
        if (name == null || !NAME.matcher(name).matches()) {
            throw Inputs.invalid("A user name must be 1 to " + MAX_CHARS + " letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit; found '" + shown(user) + "'.");
        }
        return name;
    }

    /** A user name as a message may quote it. */
    static String shown(String user) {
        return user == null ? "" : Require.abbreviate(user);
    }
}
