package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;
import dev.caisey.record.event.Verdict;

/**
 * {@code verification.mark}: a technician marks a check as passed or failed; recorded as {@code
 * verification.recorded}.
 *
 * @param session the session
 * @param commandId the command whose output shows the result, or {@code null} for a check done by hand
 * @param verdict passed or failed
 * @param statement what was checked and seen, in plain words ("Get-Service Spooler shows Running")
 */
public record VerificationMark(String session, String commandId, Verdict verdict, String statement) implements Message {
    /** Validates every member; {@code commandId} is optional. */
    public VerificationMark {
        Require.id(session, "session");
        Require.optionalId(commandId, "commandId");
        Require.present(verdict, "verdict");
        Require.text(statement, "statement", Limits.MAX_TEXT_CHARS);
    }
}
