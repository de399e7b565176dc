package dev.caisey.server.mail;

import dev.caisey.record.export.ExportCodec;
import dev.caisey.report.pdf.PdfReport;
import dev.caisey.server.share.SessionExport;
import java.io.ByteArrayOutputStream;

/**
 * A {@link ReportSource} that renders the PDF/A report of a session's export without a PDF signature (the embedded
 * record still carries its signed checkpoints). It stands in until the server signs its reports with its own
 * certificate; the composition root is the one place that chooses it.
 */
public final class UnsignedReports implements ReportSource {
    private final SessionExport exports;
    private final PdfReport renderer = PdfReport.create();

    /** Reports of the sessions {@code exports} reads. */
    public UnsignedReports(SessionExport exports) {
        this.exports = exports;
    }

    @Override
    public byte[] pdf(String session) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(ExportCodec.write(exports.of(session)), out);
        return out.toByteArray();
    }
}
