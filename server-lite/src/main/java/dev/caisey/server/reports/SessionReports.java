package dev.caisey.server.reports;

import dev.caisey.record.export.ExportCodec;
import dev.caisey.report.pdf.PdfReport;
import dev.caisey.report.pdf.ReportSigner;
import dev.caisey.server.share.SessionExport;
import dev.caisey.server.tls.TlsMaterial;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * A session's signed PDF report, made on demand from the stored record: rendered by the report module and signed with
 * the server's TLS key and certificate, so whoever opens it sees it was issued by the server they were given. Share
 * links offer it for download; e-mailing a record uses it too.
 */
public final class SessionReports {
    private final SessionExport exports;
    private final ReportSigner signer;

    /** Reports of {@code exports}' sessions, signed with {@code tls}' key. */
    public SessionReports(SessionExport exports, TlsMaterial tls) {
        this.exports = exports;
        this.signer = ReportSigner.of(tls.privateKey(), tls.chain());
    }

    /** The record of a stored session as its export document's bytes ({@code *.caisey.json}). */
    public byte[] json(String session) {
        return ExportCodec.write(exports.of(session));
    }

    /**
     * The signed PDF report of a stored session.
     *
     * @throws dev.caisey.report.ReportException if the stored record does not verify or the PDF cannot be made
     */
    public byte[] pdf(String session) {
        ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
        PdfReport.create().render(json(session), unsigned);
        ByteArrayOutputStream signed = new ByteArrayOutputStream(unsigned.size() + 32 * 1024);
        signer.sign(new ByteArrayInputStream(unsigned.toByteArray()), signed);
        return signed.toByteArray();
    }
}
