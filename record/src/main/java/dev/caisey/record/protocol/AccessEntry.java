package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * One line of a session's access log in an {@link AccessEntries}.
 *
 * @param at when it happened, UTC microseconds
 * @param actor who did it: an account's user name, or a description such as "holder of share link sh-1"
 * @param role the account's role, or {@code null} when no account acted (a share link was opened)
 * @param action what was done
 * @param session the session concerned
 * @param detail what else matters (recipients, a share link's id, why a send failed), or {@code null}
 */
public record AccessEntry(long at, String actor, AccountRole role, AccessAction action, String session, String detail) {
    /** Validates every member. */
    public AccessEntry {
        Require.nonNegative(at, "at");
        Require.text(actor, "actor", Limits.MAX_SHORT_TEXT_CHARS);
        Require.present(action, "action");
        Require.id(session, "session");
        Require.optionalText(detail, "detail", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
