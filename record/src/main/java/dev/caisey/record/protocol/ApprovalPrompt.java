package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code approval.prompt}: the server tells the client's page, in plain words, what an approval request asks for. It is
 * sent just before the {@code event} frame that carries the {@code approval.requested} it explains, so the page can
 * show the question as soon as the request appears. The words come from the server's phrasebook (the same wording as
 * the PDF report), never from the page: "Your technician wants to restart the Print Spooler service."
 *
 * @param session the session
 * @param approvalId the request this explains
 * @param text the request in one or two plain sentences
 * @param detail the exact command or other fine print for the curious, or {@code null}
 * @param expiresAt when the request stops accepting an answer, UTC microseconds
 */
public record ApprovalPrompt(String session, String approvalId, String text, String detail, long expiresAt)
        implements Message {
    /** Validates every member; {@code detail} is optional. */
    public ApprovalPrompt {
        Require.id(session, "session");
        Require.id(approvalId, "approvalId");
        Require.text(text, "text", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(detail, "detail", Limits.MAX_TEXT_CHARS);
        Require.nonNegative(expiresAt, "expiresAt");
    }
}
