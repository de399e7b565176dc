package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code approval.denied}: the client denied the request, with an optional reason; nothing runs. */
public record ApprovalDenied(String approvalId, String reason) implements Event {
    /** Validates every member; {@code reason} is optional. */
    public ApprovalDenied {
        Require.id(approvalId, "approvalId");
        Require.optionalText(reason, "reason", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
