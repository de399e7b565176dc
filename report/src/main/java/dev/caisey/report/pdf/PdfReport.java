package dev.caisey.report.pdf;

import com.itextpdf.commons.exceptions.ITextException;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfAConformance;
import com.itextpdf.kernel.pdf.PdfDate;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfOutputIntent;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import com.itextpdf.layout.Document;
import com.itextpdf.pdfa.PdfADocument;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.ReportException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Renders a session record ({@code *.caisey.json}) as a PDF/A-3b report a client can read and an auditor can trust:
 * a cover with the headline and service-level figures, the timeline in plain language, approvals, chat and notes,
 * verification and resolution, a technical appendix with every command and its output, and an integrity page with the
 * record's hashes, its checkpoint signature, a QR code of its last hash and how to verify it. The exact export bytes
 * are embedded as an associated file ({@code AFRelationship /Source}), so the PDF carries its own evidence.
 *
 * <p>The record is verified first ({@link RecordVerifier}); a file that is not a true Caisey record is refused with a
 * {@link ReportException} that says why. Pages are written and flushed one by one ({@link FlushingRenderer}), so memory
 * does not grow with the number of pages; to print "Page 2 of 5" on pages that are already gone, the report is laid
 * out twice, first only to count its pages. The record itself is held in memory.
 * Signing is a separate step: {@link ReportSigner}.
 */
public final class PdfReport {
    /** Page margins, in points. */
    static final float MARGIN_PT = 54;

    private static final float TOP_MARGIN_PT = 56;
    private static final float BOTTOM_MARGIN_PT = 58;
    private static final String SRGB = "sRGB IEC61966-2.1";

    private final PageSize pageSize;
    private final RecordVerifier verifier;

    private PdfReport(PageSize pageSize, RecordVerifier verifier) {
        this.pageSize = pageSize;
        this.verifier = verifier;
    }

    /** A renderer for A4 pages that accepts records signed by any key they carry. */
    public static PdfReport create() {
        return new PdfReport(PageSize.A4, RecordVerifier.create());
    }

    /** A copy that lays out pages of another size ({@code PageSize.LETTER} for North America). */
    public PdfReport withPageSize(PageSize size) {
        return new PdfReport(Objects.requireNonNull(size, "size"), verifier);
    }

    /** A copy that verifies records with the given verifier (to trust only certain keys, or read larger files). */
    public PdfReport withVerifier(RecordVerifier recordVerifier) {
        return new PdfReport(pageSize, Objects.requireNonNull(recordVerifier, "recordVerifier"));
    }

    /**
     * Renders an export.
     *
     * @param exportJson the exact bytes of the {@code *.caisey.json} file; they are embedded unchanged
     * @param out where the PDF goes; left open
     * @return the number of pages written
     * @throws ReportException if the bytes are not a valid Caisey record, or the PDF cannot be written
     */
    public int render(byte[] exportJson, OutputStream out) {
        Verification verification = verifier.verify(exportJson);
        if (verification instanceof Verification.Refused refused) {
            throw new ReportException(
                    refused.code(),
                    "This is not a valid Caisey session record, so no report was " + "made: " + refused.message());
        }
        Verification.Verified verified = (Verification.Verified) verification;
        SessionSummary summary = verified.export().session();
        String attachment = summary.id() + ".caisey.json";
        try {
            PdfDocument counting = new PdfDocument(new PdfWriter(OutputStream.nullOutputStream()));
            int pages = write(counting, verified, attachment, null);
            PdfADocument pdf = new PdfADocument(
                    new PdfWriter(
                            out), // no object streams: with them, early page flushing breaks PDF/A checks at close
                    PdfAConformance.PDF_A_3B,
                    srgbIntent());
            pdf.getWriter().setCloseStream(false);
            embed(pdf, exportJson, attachment, summary);
            return write(pdf, verified, attachment, pages);
        } catch (ITextException e) {
            throw new ReportException(ErrorCode.INTERNAL, "the PDF report could not be written: " + e.getMessage(), e);
        }
    }

    /** Lays the report out into {@code pdf}, closes it and returns its number of pages. */
    private int write(PdfDocument pdf, Verification.Verified verified, String attachment, Integer totalPages) {
        ReportStyle style = ReportStyle.load();
        ReportContext context =
                ReportContext.of(verified.export(), verified.message(), verified.lastCheckpoint(), style, attachment);
        SessionSummary summary = verified.export().session();
        describe(pdf, context);
        new PageDecorator(pdf, style, header(summary), "Caisey session record " + summary.id(), MARGIN_PT, totalPages);
        Document document = new Document(pdf, pageSize, true);
        document.setRenderer(new FlushingRenderer(document));
        document.setMargins(TOP_MARGIN_PT, MARGIN_PT, BOTTOM_MARGIN_PT, MARGIN_PT);
        new CoverPage(context).write(document);
        new TimelineSection(context).write(document);
        new ApprovalsSection(context).write(document);
        new ConversationSection(context).write(document);
        new OutcomeSection(context).write(document);
        new AppendixSection(context).write(document);
        new IntegrityPage(context).write(document);
        int pages = pdf.getNumberOfPages();
        document.close();
        return pages;
    }

    private static PdfOutputIntent srgbIntent() {
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        return new PdfOutputIntent("Custom", "", "http://www.color.org", SRGB, new ByteArrayInputStream(icc));
    }

    private static void describe(PdfDocument pdf, ReportContext context) {
        SessionSummary s = context.export().session();
        String day = context.clock().date(s.openedAt());
        PdfDocumentInfo info = pdf.getDocumentInfo();
        info.setTitle("Support session record: " + s.organisation() + ", " + s.endpoint() + ", " + day);
        info.setSubject("Remote support session " + s.id() + (s.ticket() == null ? "" : " for ticket " + s.ticket())
                + " by " + s.technician() + ": timeline, approvals, chat, verification, resolution and the embedded, "
                + "verifiable record");
        info.setAuthor("Caisey server");
        info.setCreator("Caisey report");
        info.setKeywords("Caisey, session record, " + s.id() + (s.ticket() == null ? "" : ", " + s.ticket()));
        pdf.getCatalog().setLang(new PdfString("en"));
        pdf.getCatalog().setPageMode(PdfName.UseOutlines);
    }

    private static void embed(PdfDocument pdf, byte[] json, String name, SessionSummary summary) {
        PdfDictionary params = new PdfDictionary();
        params.put(PdfName.ModDate, new PdfDate().getPdfObject());
        params.put(PdfName.Size, new PdfNumber(json.length));
        String description = "The complete session record " + summary.id() + " (format caisey-record/1)";
        PdfFileSpec spec = PdfFileSpec.createEmbeddedFileSpec(
                pdf, json, description, name, new PdfName("application/json"), params, PdfName.Source);
        pdf.addAssociatedFile(description, spec);
    }

    private static String header(SessionSummary s) {
        return s.organisation() + "  ·  " + s.endpoint() + (s.ticket() == null ? "" : "  ·  ticket " + s.ticket());
    }
}
