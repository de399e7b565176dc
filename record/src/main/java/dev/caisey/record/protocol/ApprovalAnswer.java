package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code approval.answer}: the client approves or denies a pending approval from the browser page; the server
 * records {@code approval.granted} or {@code approval.denied}, or answers {@code conflict} if it was already answered
 * or expired.
 *
 * @param session the session
 * @param approvalId the approval answered
 * @param approve {@code true} to approve, {@code false} to deny
 * @param reason the client's reason in their own words, or {@code null}
 */
public record ApprovalAnswer(String session, String approvalId, boolean approve, String reason) implements Message {
    /** Validates every member; {@code reason} is optional. */
    public ApprovalAnswer {
        Require.id(session, "session");
        Require.id(approvalId, "approvalId");
        Require.optionalText(reason, "reason", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
