package dev.caisey.report.pdf;

import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.report.phrasebook.Outcomes;
import java.util.HashMap;
import java.util.Map;

/**
 * How the fix was checked and how the session ended: every verification step with its result and the command that
 * showed it, then the resolution in the technician's words.
 */
final class OutcomeSection {
    private static final float[] COLUMN_PERCENTS = {12, 12, 76};

    private final ReportContext context;
    private final ReportStyle style;

    OutcomeSection(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.OUTCOME.begin(document, style);
        document.add(style.subheading("Verification").setMarginTop(0));
        Table table = new Table(UnitValue.createPercentArray(COLUMN_PERCENTS)).useAllAvailableWidth();
        Map<String, CommandRequested> commands = new HashMap<>();
        SessionClosed closed = null;
        RecordedEvent closedEvent = null;
        int steps = 0;
        for (RecordedEvent e : context.events()) {
            if (e.event() instanceof CommandRequested r) {
                commands.put(r.commandId(), r);
            } else if (e.event() instanceof VerificationRecorded v) {
                steps++;
                boolean passed = v.verdict() == Verdict.PASSED;
                table.addCell(style.rowCell()
                        .add(style.body(context.clock().time(e.at())).setFontColor(ReportStyle.MUTED)));
                table.addCell(style.rowCell()
                        .add(style.body(passed ? "Passed" : "Failed")
                                .setFont(style.bold)
                                .setFontColor(passed ? ReportStyle.GOOD : ReportStyle.BAD)));
                CommandRequested command = v.commandId() == null ? null : commands.get(v.commandId());
                table.addCell(style.rowCell()
                        .add(style.body(v.statement()))
                        .add(
                                command == null
                                        ? style.small("Checked by hand by "
                                                        + e.actor().name())
                                                .setMarginTop(2)
                                        : style.mono("Checked by " + e.actor().name() + " with: " + command.script())
                                                .setMarginTop(2)));
            } else if (e.event() instanceof SessionClosed c) {
                closed = c;
                closedEvent = e;
            }
        }
        if (steps == 0) {
            document.add(style.body("No verification step was recorded."));
        } else {
            document.add(table);
        }
        document.add(style.subheading("Resolution"));
        if (closed == null) {
            document.add(style.body("The session was still open when this record was exported."));
            return;
        }
        document.add(style.body(Outcomes.words(closed.outcome()).substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                        + Outcomes.words(closed.outcome()).substring(1) + ".")
                .setFont(style.bold));
        document.add(style.body(closed.resolution()).setMarginTop(4));
        document.add(style.small("Closed by " + closedEvent.actor().name() + " at "
                        + context.clock().dateTime(closedEvent.at()) + " ("
                        + context.clock().utcTime(closedEvent.at())
                        + " UTC).")
                .setMarginTop(4));
    }
}
