package dev.caisey.console.fx;

import dev.caisey.console.ConsoleException;

/**
 * Words for a failure, as a technician should read them: what went wrong and what to do next. A {@link
 * ConsoleException} already carries such a sentence (the client core writes them); anything else is a fault of the
 * console itself, so it says so and where the details went.
 */
public final class Problems {
    private Problems() {}

    /** One or two sentences for a label or a dialog. */
    public static String words(Throwable failure) {
        Throwable t = Background.unwrap(failure);
        if (t instanceof ConsoleException e) {
            return e.getMessage() + next(e.failure());
        }
        return "The console ran into an internal problem (" + t.getClass().getSimpleName()
                + "). Try again; if it happens again, restart the console and send its log to your administrator.";
    }

    private static String next(ConsoleException.Failure failure) {
        return switch (failure) {
            case CONNECTION, TIMEOUT -> " Check the network and that the server runs; the console keeps trying.";
            case NOT_SIGNED_IN -> " Sign in again.";
            case UNTRUSTED, REFUSED, LOCAL_FILES, BROKEN_RECORD, BAD_INPUT -> "";
        };
    }
}
