package dev.caisey.report.pdf;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.report.phrasebook.Narrative;
import dev.caisey.report.phrasebook.TimelineEntry;

/**
 * Every event of the record, in order, as a sentence with its local time; commands with the exact command in small
 * monospaced type beneath. Written as a large table that is flushed every {@value #FLUSH_EVERY_ROWS} rows, so a long
 * session never holds more than a page or so of layout in memory.
 */
final class TimelineSection {
    /** Rows laid out and flushed at a time. */
    static final int FLUSH_EVERY_ROWS = 50;

    private static final float TIME_COLUMN_PT = 52;
    private static final float MARKER_PT = 2;

    private final ReportContext context;
    private final ReportStyle style;

    TimelineSection(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.TIMELINE.begin(document, style);
        long openedAt = context.export().session().openedAt();
        document.add(style.small("Every recorded event, in order. Times are in "
                        + context.clock().zone().getId()
                        + " (" + context.clock().zoneLabel(openedAt) + "). The exact command appears in small type "
                        + "beneath each step; the technical appendix has its output.")
                .setMarginBottom(8));
        Table table = new Table(
                        new UnitValue[] {UnitValue.createPointValue(TIME_COLUMN_PT), UnitValue.createPercentValue(100)},
                        true)
                .useAllAvailableWidth();
        document.add(table);
        Narrative narrative = context.narrative();
        int rows = 0;
        for (RecordedEvent event : context.events()) {
            TimelineEntry entry = narrative.next(event);
            table.addCell(ReportStyle.cell()
                    .add(style.body(entry.time()).setFontColor(ReportStyle.MUTED))
                    .setPaddingTop(5)
                    .setPaddingBottom(5));
            table.addCell(text(entry));
            if (++rows % FLUSH_EVERY_ROWS == 0) {
                table.flush();
            }
        }
        table.complete();
    }

    private Cell text(TimelineEntry entry) {
        Cell cell = ReportStyle.cell()
                .setBorderLeft(new SolidBorder(colour(entry.kind()), MARKER_PT))
                .setPaddingLeft(8)
                .setPaddingTop(5)
                .setPaddingBottom(5)
                .add(style.body(entry.text()));
        if (entry.detail() != null) {
            cell.add(
                    entry.kind() == TimelineEntry.Kind.APPROVAL
                            ? style.small(entry.detail()).setMarginTop(2)
                            : style.mono(entry.detail()).setMarginTop(2));
        }
        return cell;
    }

    static Color colour(TimelineEntry.Kind kind) {
        return switch (kind) {
            case SESSION -> ReportStyle.ACCENT;
            case PRESENCE, COMMAND -> ReportStyle.RULE;
            case CHAT, NOTE -> ReportStyle.TALK;
            case APPROVAL -> ReportStyle.ASK;
            case VERIFIED -> ReportStyle.GOOD;
            case PROBLEM -> ReportStyle.BAD;
        };
    }
}
