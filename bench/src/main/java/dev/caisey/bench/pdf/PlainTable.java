package dev.caisey.bench.pdf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.UnitValue;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.json.EventCodec;
import dev.caisey.record.json.Json;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDF baseline: the session's events written by iText alone as a plain five-column table (seq, UTC time, actor,
 * type, data), in iText's large-table mode that flushes rows as it goes, with its built-in font. No verification, no
 * plain language, no PDF/A, no embedded record: what any program that dumps the rows would pay.
 */
final class PlainTable {
    /** Characters of an event's data shown in its row. */
    static final int MAX_DATA_CHARS = 200;

    /** Rows added between two flushes of the table. */
    static final int FLUSH_EVERY_ROWS = 100;

    private static final float[] COLUMN_WIDTHS = {6, 18, 16, 15, 45};

    private PlainTable() {}

    /** The rows of the table, one per event, prepared before any timing. */
    static List<String[]> rows(List<RecordedEvent> events) {
        List<String[]> rows = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            ObjectNode json = EventCodec.toJson(e);
            String data = json.has("data") ? Json.write(json.get("data")) : "";
            rows.add(new String[] {
                Long.toString(e.seq()),
                Instant.EPOCH.plus(e.at(), ChronoUnit.MICROS).toString(),
                e.actor().name(),
                e.type().wireName(),
                data.length() > MAX_DATA_CHARS ? data.substring(0, MAX_DATA_CHARS) + "…" : data
            });
        }
        return rows;
    }

    /** Writes the table to {@code out} and returns the number of pages. */
    static int render(List<String[]> rows, OutputStream out) {
        PdfDocument pdf = new PdfDocument(new PdfWriter(out));
        Document document = new Document(pdf, PageSize.A4);
        Table table = new Table(UnitValue.createPercentArray(COLUMN_WIDTHS), true).useAllAvailableWidth();
        for (String header : new String[] {"seq", "time (UTC)", "actor", "type", "data"}) {
            table.addHeaderCell(new Cell().add(new Paragraph(header)));
        }
        document.add(table);
        int n = 0;
        for (String[] row : rows) {
            for (String value : row) {
                table.addCell(new Cell().add(new Paragraph(value)));
            }
            if (++n % FLUSH_EVERY_ROWS == 0) {
                table.flush();
            }
        }
        table.complete();
        int pages = pdf.getNumberOfPages();
        document.close();
        return pages;
    }
}
