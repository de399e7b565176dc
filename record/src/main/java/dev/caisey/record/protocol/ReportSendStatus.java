package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code report.status}: how an e-mailed report is doing, in words for the technician. The answer to a {@link
 * ReportSend}, and sent again each time the state changes.
 *
 * @param id the send's id on the server
 * @param session the session whose report it is
 * @param state where it is
 * @param attempts how many attempts were made so far
 * @param message what happened, in a sentence (who it went to, or why it failed and what to check)
 * @param nextAttemptAt when the next attempt is due, UTC microseconds, while {@link SendState#RETRYING} or {@link
 *     SendState#QUEUED}; otherwise {@code null}
 */
public record ReportSendStatus(
        String id, String session, SendState state, long attempts, String message, Long nextAttemptAt)
        implements Message {
    /** Validates every member. */
    public ReportSendStatus {
        Require.id(id, "id");
        Require.id(session, "session");
        Require.present(state, "state");
        Require.range(attempts, "attempts", 0, 1_000);
        Require.text(message, "message", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalMicros(nextAttemptAt, "nextAttemptAt");
    }
}
