package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code verification.recorded}: the technician marked a check as passed or failed, tied to a command or done by hand ({@code commandId} absent). */
public record VerificationRecorded(String commandId, Verdict verdict, String statement) implements Event {
    /** Validates every member; {@code commandId} is optional. */
    public VerificationRecorded {
        Require.optionalId(commandId, "commandId");
        Require.present(verdict, "verdict");
        Require.text(statement, "statement", Limits.MAX_TEXT_CHARS);
    }
}
