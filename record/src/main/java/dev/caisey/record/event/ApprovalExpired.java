package dev.caisey.record.event;

/** {@code approval.expired}: nobody answered before the request expired; nothing runs. */
public record ApprovalExpired(String approvalId) implements Event {
    /** Validates every member. */
    public ApprovalExpired {
        Require.id(approvalId, "approvalId");
    }
}
