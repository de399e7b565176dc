package dev.caisey.report.pdf;

import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import java.util.function.Function;

/**
 * The chat between technician and client, word for word, and the technician's notes for the record. Each is a large
 * table flushed as it grows, like the timeline.
 */
final class ConversationSection {
    private static final float[] COLUMN_PERCENTS = {12, 22, 66};

    private final ReportContext context;
    private final ReportStyle style;

    ConversationSection(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.CONVERSATION.begin(document, style);
        document.add(style.subheading("Chat").setMarginTop(0));
        listing(
                document,
                e -> e.event() instanceof ChatMessage c ? c.text() : null,
                "No chat messages were exchanged.");
        document.add(style.subheading("Notes"));
        document.add(style.small("Notes are written by the technician for the record; the client does not see them "
                        + "during the session.")
                .setMarginBottom(4));
        listing(document, e -> e.event() instanceof NoteAdded n ? n.text() : null, "The technician added no notes.");
    }

    private void listing(Document document, Function<RecordedEvent, String> textOf, String none) {
        Table table = new Table(UnitValue.createPercentArray(COLUMN_PERCENTS), true).useAllAvailableWidth();
        int rows = 0;
        for (RecordedEvent e : context.events()) {
            String text = textOf.apply(e);
            if (text == null) {
                continue;
            }
            if (rows == 0) {
                document.add(table);
            }
            String who = e.actor().name() + (e.actor().role() == Role.CLIENT ? " (client)" : "");
            table.addCell(
                    style.rowCell().add(style.body(context.clock().time(e.at())).setFontColor(ReportStyle.MUTED)));
            table.addCell(style.rowCell().add(style.body(who).setFont(style.bold)));
            table.addCell(style.rowCell().add(style.body(text)));
            if (++rows % TimelineSection.FLUSH_EVERY_ROWS == 0) {
                table.flush();
            }
        }
        if (rows == 0) {
            document.add(style.body(none));
        } else {
            table.complete();
        }
    }
}
