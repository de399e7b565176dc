package dev.caisey.report.pdf;

import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.report.phrasebook.Headline;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Outcomes;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The first page: who, what and when at a glance. The headline sentence with its times in the organisation's zone
 * (named) and in UTC, the outcome, the session's particulars and the service-level figures against the agreed target.
 */
final class CoverPage {
    private static final float LABEL_COLUMN_PERCENT = 30;
    private static final float ACCENT_BAR_PT = 3;

    private final ReportContext context;
    private final ReportStyle style;

    CoverPage(ReportContext context) {
        this.context = context;
        this.style = context.style();
    }

    void write(Document document) {
        Section.COVER.begin(document, style);
        SessionSummary s = context.export().session();
        LocalClock clock = context.clock();
        Headline headline = context.headline();
        document.add(style.small("CAISEY  ·  REMOTE SUPPORT SESSION RECORD")
                .setFont(style.bold)
                .setFontColor(ReportStyle.ACCENT)
                .setCharacterSpacing(0.6f));
        document.add(new Paragraph(s.organisation())
                .setFont(style.bold)
                .setFontSize(ReportStyle.TITLE_PT)
                .setFontColor(ReportStyle.INK)
                .setMarginTop(14)
                .setMarginBottom(2));
        document.add(style.body("Support session on " + s.endpoint() + ", " + clock.date(s.openedAt()))
                .setFontSize(ReportStyle.SUBHEADING_PT)
                .setFontColor(ReportStyle.MUTED)
                .setMarginBottom(18));
        Div box = new Div()
                .setBackgroundColor(ReportStyle.PANEL)
                .setBorderLeft(new SolidBorder(ReportStyle.ACCENT, ACCENT_BAR_PT))
                .setPadding(12)
                .setMarginBottom(16);
        box.add(style.body(headline.sentence()).setFont(style.bold).setFontSize(ReportStyle.SUBHEADING_PT));
        box.add(style.small(headline.utcSentence()).setMarginTop(4));
        box.add(style.body(outcome()).setMarginTop(8));
        document.add(box);
        document.add(style.subheading("The session"));
        document.add(particulars(s, clock));
        document.add(style.subheading("Service level"));
        Table sla = keyValueTable();
        for (Headline.Figure f : headline.slaFigures()) {
            sla.addCell(style.label(f.label()));
            sla.addCell(style.value(f.value()));
        }
        document.add(sla);
        document.add(style.small("This document is digitally signed. It carries the complete session record as the "
                        + "attached file " + context.attachmentName() + "; the last page explains how anyone can "
                        + "check that the record is complete and unchanged.")
                .setMarginTop(18));
    }

    private String outcome() {
        for (int i = context.events().size() - 1; i >= 0; i--) {
            RecordedEvent e = context.events().get(i);
            if (e.event() instanceof SessionClosed c) {
                return "Outcome: " + Outcomes.words(c.outcome()) + ". " + c.resolution();
            }
        }
        return "The session was still open when this record was exported.";
    }

    private Table particulars(SessionSummary s, LocalClock clock) {
        SessionOpened opened = (SessionOpened) context.events().getFirst().event();
        Table table = keyValueTable();
        row(table, "Organisation", s.organisation());
        row(table, "Computer", s.endpoint() + " (" + opened.endpoint().os() + ")");
        row(table, "Technician", s.technician());
        String clients = String.join(", ", clients());
        row(table, "Client", clients.isEmpty() ? "nobody joined from the client side" : clients);
        row(table, "Ticket", s.ticket() == null ? "none given" : s.ticket());
        row(
                table,
                "Times shown in",
                clock.zone().getId() + " (" + clock.zoneLabel(s.openedAt()) + "), UTC in brackets");
        row(table, "Opened", clock.dateTime(s.openedAt()) + " (" + clock.utcTime(s.openedAt()) + " UTC)");
        if (s.closedAt() != null) {
            row(table, "Closed", clock.dateTime(s.closedAt()) + " (" + clock.utcTime(s.closedAt()) + " UTC)");
        }
        row(table, "Session", s.id() + ", " + s.eventCount() + " recorded events");
        return table;
    }

    private Set<String> clients() {
        Set<String> names = new LinkedHashSet<>();
        for (RecordedEvent e : context.events()) {
            if (e.event() instanceof ParticipantJoined && e.actor().role() == Role.CLIENT) {
                names.add(e.actor().name());
            }
        }
        return names;
    }

    private void row(Table table, String label, String value) {
        table.addCell(style.label(label));
        table.addCell(style.value(value));
    }

    private static Table keyValueTable() {
        return new Table(UnitValue.createPercentArray(new float[] {LABEL_COLUMN_PERCENT, 100 - LABEL_COLUMN_PERCENT}))
                .useAllAvailableWidth();
    }
}
