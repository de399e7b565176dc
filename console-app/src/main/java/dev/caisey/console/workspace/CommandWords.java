package dev.caisey.console.workspace;

import dev.caisey.console.session.CommandView;

/** A command card's state in words and in a tone (good, bad, neither) for its colour. */
final class CommandWords {
    private CommandWords() {}

    /** Whether the selected command can still be cancelled. */
    static boolean cancellable(CommandView c) {
        return c != null && !c.phase().ended();
    }

    /** A card's state in words. */
    static String phaseWords(CommandView c) {
        return switch (c.phase()) {
            case REQUESTED -> "Requested";
            case AWAITING_APPROVAL -> "Waiting for the client's approval";
            case APPROVED -> "Approved by " + c.answeredBy() + ", starting";
            case RUNNING -> "Running";
            case FINISHED -> "Finished, exit code " + c.exitCode();
            case DENIED -> "Declined by " + c.answeredBy() + (c.reason() == null ? "" : " (" + c.reason() + ")");
            case EXPIRED -> "Not approved in time; not run";
            case CANCELLED -> "Cancelled" + (c.reason() == null ? "" : " (" + c.reason() + ")");
            case TIMED_OUT -> "Timed out";
        };
    }

    /** Whether a card's state is good, bad or neither, for its colour. */
    static int tone(CommandView c) {
        return switch (c.phase()) {
            case FINISHED -> c.exitCode() != null && c.exitCode() == 0 ? 1 : -1;
            case DENIED, EXPIRED, CANCELLED, TIMED_OUT -> -1;
            case REQUESTED, AWAITING_APPROVAL, APPROVED, RUNNING -> 0;
        };
    }
}
