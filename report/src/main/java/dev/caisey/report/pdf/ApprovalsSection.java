package dev.caisey.report.pdf;

import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.report.phrasebook.LocalClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every request for the client's approval: what was asked, when the client was prompted, when and how they answered,
 * and when the approved command ran. A denied or expired request shows that nothing ran.
 */
final class ApprovalsSection {
    private static final float[] COLUMN_PERCENTS = {40, 14, 23, 23};

    private final ReportContext context;
    private final ReportStyle style;

    ApprovalsSection(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.APPROVALS.begin(document, style);
        SessionOpened opened = (SessionOpened) context.events().getFirst().event();
        document.add(style.small(policy(opened)).setMarginBottom(8));
        List<Row> rows = collect();
        if (rows.isEmpty()) {
            document.add(style.body("No approval was requested in this session."));
            return;
        }
        Table table = new Table(UnitValue.createPercentArray(COLUMN_PERCENTS)).useAllAvailableWidth();
        for (String header : new String[] {"What was asked", "Prompted", "Answered", "Carried out"}) {
            table.addHeaderCell(style.headerCell(header));
        }
        LocalClock clock = context.clock();
        for (Row row : rows) {
            Cell asked = style.rowCell().add(style.body("“" + row.request.prompt() + "”"));
            if (row.request.detail() != null) {
                asked.add(style.small(row.request.detail()).setMarginTop(2));
            }
            table.addCell(asked);
            table.addCell(style.rowCell().add(style.body(clock.time(row.promptedAt))));
            table.addCell(style.rowCell().add(style.body(row.answer == null ? "no answer recorded" : row.answer)));
            table.addCell(style.rowCell().add(style.body(row.carriedOut == null ? "—" : row.carriedOut)));
        }
        document.add(table);
    }

    private static String policy(SessionOpened opened) {
        String org = opened.organisation().name();
        return switch (opened.organisation().approvalPolicy()) {
            case NONE -> org + "’s policy: commands run without the client’s approval unless the technician asks.";
            case RISKY -> org + "’s policy: commands that can change the computer need the client’s approval first.";
            case ALL -> org + "’s policy: every command needs the client’s approval first.";
        };
    }

    private List<Row> collect() {
        LocalClock clock = context.clock();
        List<Row> rows = new ArrayList<>();
        Map<String, Row> byApproval = new HashMap<>();
        Map<String, Row> byCommand = new HashMap<>();
        for (RecordedEvent e : context.events()) {
            String who = e.actor().name();
            String at = clock.time(e.at());
            if (e.event() instanceof ApprovalRequested r) {
                Row row = new Row(r, e.at());
                rows.add(row);
                byApproval.put(r.approvalId(), row);
                if (r.commandId() != null) {
                    byCommand.put(r.commandId(), row);
                }
            } else if (e.event() instanceof ApprovalGranted g && byApproval.containsKey(g.approvalId())) {
                byApproval.get(g.approvalId()).answer = "Approved by " + who + " at " + at;
            } else if (e.event() instanceof ApprovalDenied d && byApproval.containsKey(d.approvalId())) {
                Row row = byApproval.get(d.approvalId());
                row.answer = "Declined by " + who + " at " + at + (d.reason() == null ? "" : " (" + d.reason() + ")");
                row.carriedOut = "Nothing was run";
            } else if (e.event() instanceof ApprovalExpired x && byApproval.containsKey(x.approvalId())) {
                Row row = byApproval.get(x.approvalId());
                row.answer = "Nobody answered; the request expired at " + at;
                row.carriedOut = "Nothing was run";
            } else if (e.event() instanceof CommandStarted s && byCommand.containsKey(s.commandId())) {
                byCommand.get(s.commandId()).carriedOut = "Started at " + at;
            } else if (e.event() instanceof CommandFinished f && byCommand.containsKey(f.commandId())) {
                Row row = byCommand.get(f.commandId());
                String result = f.exitCode() == 0 ? "succeeded" : "reported a failure (exit code " + f.exitCode() + ")";
                row.carriedOut =
                        (row.carriedOut == null ? "" : row.carriedOut + "; ") + "finished at " + at + ", " + result;
            }
        }
        return rows;
    }

    /** One request and what became of it; filled in as the events go by. */
    private static final class Row {
        final ApprovalRequested request;
        final long promptedAt;
        String answer;
        String carriedOut;

        Row(ApprovalRequested request, long promptedAt) {
            this.request = request;
            this.promptedAt = promptedAt;
        }
    }
}
