package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code approval.request}: a technician asks the client, in plain words, to approve something; the server records
 * {@code approval.requested} and shows it on the client's page until it is answered or expires.
 *
 * @param session the session
 * @param approvalId the console's id for the approval, unique in the session
 * @param commandId the command waiting for it, or {@code null} for an approval of something else
 * @param prompt the question in plain words ("Restart the Print Spooler service")
 * @param detail more detail for the curious, or {@code null}
 * @param expiresInSeconds how long the client has to answer
 */
public record ApprovalRequest(
        String session, String approvalId, String commandId, String prompt, String detail, long expiresInSeconds)
        implements Message {
    /** Validates every member; {@code commandId} and {@code detail} are optional. */
    public ApprovalRequest {
        Require.id(session, "session");
        Require.id(approvalId, "approvalId");
        Require.optionalId(commandId, "commandId");
        Require.text(prompt, "prompt", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(detail, "detail", Limits.MAX_TEXT_CHARS);
        Require.range(expiresInSeconds, "expiresInSeconds", 1, Limits.MAX_APPROVAL_WAIT_SECONDS);
    }
}
