package dev.caisey.record.event;

/** {@code approval.granted}: the client approved the request. */
public record ApprovalGranted(String approvalId) implements Event {
    /** Validates every member. */
    public ApprovalGranted {
        Require.id(approvalId, "approvalId");
    }
}
