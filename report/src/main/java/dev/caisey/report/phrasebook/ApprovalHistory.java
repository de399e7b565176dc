package dev.caisey.report.phrasebook;

import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request for the client's approval in a session and what became of it, in words: when the client was asked,
 * how and when they answered, and whether and when the command ran. The PDF's approvals table and the share page both
 * show these rows; neither words them itself.
 */
public final class ApprovalHistory {
    private ApprovalHistory() {}

    /**
     * One request and its fate.
     *
     * @param request the request as recorded
     * @param promptedAt when the client was asked, UTC microseconds
     * @param answer "Approved by Maria Lopez at 10:16:01", or "no answer recorded"
     * @param carriedOut "Started at 10:16:02; finished at 10:16:05, succeeded", "Nothing was run", or "—"
     */
    public record Row(ApprovalRequested request, long promptedAt, String answer, String carriedOut) {}

    /** The organisation's approval policy in one sentence. */
    public static String policy(String organisation, ApprovalPolicy policy) {
        return switch (policy) {
            case NONE ->
                organisation + "’s policy: commands run without the client’s approval unless the technician asks.";
            case RISKY ->
                organisation + "’s policy: commands that can change the computer need the client’s approval first.";
            case ALL -> organisation + "’s policy: every command needs the client’s approval first.";
        };
    }

    /** The rows of a session's events, in the order the requests were made; times on {@code clock}. */
    public static List<Row> of(List<RecordedEvent> events, LocalClock clock) {
        List<Builder> rows = new ArrayList<>();
        Map<String, Builder> byApproval = new HashMap<>();
        Map<String, Builder> byCommand = new HashMap<>();
        for (RecordedEvent e : events) {
            String who = e.actor().name();
            String at = clock.time(e.at());
            if (e.event() instanceof ApprovalRequested r) {
                Builder row = new Builder(r, e.at());
                rows.add(row);
                byApproval.put(r.approvalId(), row);
                if (r.commandId() != null) {
                    byCommand.put(r.commandId(), row);
                }
            } else if (e.event() instanceof ApprovalGranted g && byApproval.containsKey(g.approvalId())) {
                byApproval.get(g.approvalId()).answer = "Approved by " + who + " at " + at;
            } else if (e.event() instanceof ApprovalDenied d && byApproval.containsKey(d.approvalId())) {
                Builder row = byApproval.get(d.approvalId());
                row.answer = "Declined by " + who + " at " + at + (d.reason() == null ? "" : " (" + d.reason() + ")");
                row.carriedOut = "Nothing was run";
            } else if (e.event() instanceof ApprovalExpired x && byApproval.containsKey(x.approvalId())) {
                Builder row = byApproval.get(x.approvalId());
                row.answer = "Nobody answered; the request expired at " + at;
                row.carriedOut = "Nothing was run";
            } else if (e.event() instanceof CommandStarted s && byCommand.containsKey(s.commandId())) {
                byCommand.get(s.commandId()).carriedOut = "Started at " + at;
            } else if (e.event() instanceof CommandFinished f && byCommand.containsKey(f.commandId())) {
                Builder row = byCommand.get(f.commandId());
                String result = f.exitCode() == 0 ? "succeeded" : "reported a failure (exit code " + f.exitCode() + ")";
                row.carriedOut =
                        (row.carriedOut == null ? "" : row.carriedOut + "; ") + "finished at " + at + ", " + result;
            }
        }
        return rows.stream().map(Builder::build).toList();
    }

    /** A row being filled in as the events go by. */
    private static final class Builder {
        final ApprovalRequested request;
        final long promptedAt;
        String answer;
        String carriedOut;

        Builder(ApprovalRequested request, long promptedAt) {
            this.request = request;
            this.promptedAt = promptedAt;
        }

        Row build() {
            return new Row(
                    request,
                    promptedAt,
                    answer == null ? "no answer recorded" : answer,
                    carriedOut == null ? "—" : carriedOut);
        }
    }
}
