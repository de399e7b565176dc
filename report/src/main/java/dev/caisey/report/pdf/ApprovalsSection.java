package dev.caisey.report.pdf;

import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.report.phrasebook.ApprovalHistory;
import dev.caisey.report.phrasebook.LocalClock;
import java.util.List;

/**
 * Every request for the client's approval: what was asked, when the client was prompted, when and how they answered,
 * and when the approved command ran. A denied or expired request shows that nothing ran. The words are {@link
 * ApprovalHistory}'s, shared with the share page.
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
        document.add(style.small(ApprovalHistory.policy(
                        opened.organisation().name(), opened.organisation().approvalPolicy()))
                .setMarginBottom(8));
        LocalClock clock = context.clock();
        List<ApprovalHistory.Row> rows = ApprovalHistory.of(context.events(), clock);
        if (rows.isEmpty()) {
            document.add(style.body("No approval was requested in this session."));
            return;
        }
        Table table = new Table(UnitValue.createPercentArray(COLUMN_PERCENTS)).useAllAvailableWidth();
        for (String header : new String[] {"What was asked", "Prompted", "Answered", "Carried out"}) {
            table.addHeaderCell(style.headerCell(header));
        }
        for (ApprovalHistory.Row row : rows) {
            Cell asked = style.rowCell().add(style.body("“" + row.request().prompt() + "”"));
            if (row.request().detail() != null) {
                asked.add(style.small(row.request().detail()).setMarginTop(2));
            }
            table.addCell(asked);
            table.addCell(style.rowCell().add(style.body(clock.time(row.promptedAt()))));
            table.addCell(style.rowCell().add(style.body(row.answer())));
            table.addCell(style.rowCell().add(style.body(row.carriedOut())));
        }
        document.add(table);
    }
}
