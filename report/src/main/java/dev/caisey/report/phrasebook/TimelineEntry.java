package dev.caisey.report.phrasebook;

import dev.caisey.record.event.Role;
import java.util.Objects;

/**
 * One line of a session's timeline in plain language, ready to be shown: the PDF and the share page lay it out, they
 * do not word it.
 *
 * @param seq the event's number in the record
 * @param at the event's UTC time in microseconds
 * @param time the local wall-clock time ("10:15:32")
 * @param role who caused it
 * @param actor their name
 * @param text the sentence ("Maria Lopez approved “Restart the Print Spooler service”")
 * @param detail the exact command or other fine print shown small beneath, or {@code null}
 * @param kind what sort of line it is, for colour and filtering
 */
public record TimelineEntry(
        long seq, long at, String time, Role role, String actor, String text, String detail, Kind kind) {

    /** What sort of line an entry is. */
    public enum Kind {
        /** The session opened or closed. */
        SESSION,
        /** Someone joined or left. */
        PRESENCE,
        /** A chat message. */
        CHAT,
        /** A technician's note. */
        NOTE,
        /** A request for approval, or its answer. */
        APPROVAL,
        /** A command was asked for, started, printed something or finished well. */
        COMMAND,
        /** A fix was verified. */
        VERIFIED,
        /** Something went wrong: a command failed, was cancelled or timed out, an approval was denied, a check failed. */
        PROBLEM
    }

    /** Checks that the required members are present. */
    public TimelineEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
