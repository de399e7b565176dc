package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code approval.requested}: the client was asked, in plain words, to approve something (usually a command) before {@code expiresAt}. */
public record ApprovalRequested(String approvalId, String commandId, String prompt, String detail, long expiresAt)
        implements Event {
    /** Validates every member; {@code commandId} and {@code detail} are optional, {@code expiresAt} is UTC microseconds. */
    public ApprovalRequested {
        Require.id(approvalId, "approvalId");
        Require.optionalId(commandId, "commandId");
        Require.text(prompt, "prompt", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(detail, "detail", Limits.MAX_TEXT_CHARS);
        Require.nonNegative(expiresAt, "expiresAt");
    }
}
