package dev.caisey.server.auth;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Require;
import dev.caisey.server.ServerException;
import java.util.function.Supplier;

/** Input checks for the values an administrator or a peer gives this package, failing as {@link ServerException}. */
final class Inputs {
    private Inputs() {}

    /** An identifier, as {@link Require#id} defines it. */
    static String id(String value, String member) {
        return checked(() -> Require.id(value, member));
    }

    /** Text that is not blank and at most {@code maxChars} characters long. */
    static String text(String value, String member, int maxChars) {
        return checked(() -> Require.text(value, member, maxChars));
    }

    /** An {@link ErrorCode#INVALID} refusal with the given message. */
    static ServerException invalid(String message) {
        return new ServerException(ErrorCode.INVALID, message);
    }

    /** Runs a record-module check and re-throws its failure in the server's exception family. */
    static <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (RecordException e) {
            throw new ServerException(e.code(), e.getMessage(), e);
        }
    }
}
