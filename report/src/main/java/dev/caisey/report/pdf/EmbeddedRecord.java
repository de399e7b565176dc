package dev.caisey.report.pdf;

import com.itextpdf.commons.exceptions.ITextException;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Takes the session record back out of a Caisey PDF report: the file the report embeds as its associated source file
 * ({@code *.caisey.json}). The bytes come back exactly as they went in, ready for {@code RecordVerifier}.
 */
public final class EmbeddedRecord {
    private static final String SUFFIX = ".caisey.json";

    private EmbeddedRecord() {}

    /**
     * The embedded record's bytes.
     *
     * @param pdf a Caisey report; read to the end, not closed
     * @throws ReportException with {@link ErrorCode#INVALID} if the input is not a PDF, and {@link ErrorCode#NOT_FOUND}
     *     if it carries no Caisey record
     */
    public static byte[] extract(InputStream pdf) {
        try (PdfDocument document = new PdfDocument(new PdfReader(pdf))) {
            return extract(document);
        } catch (IOException | ITextException e) {
            throw new ReportException(ErrorCode.INVALID, "this file cannot be read as a PDF: " + e.getMessage(), e);
        }
    }

    /**
     * The embedded record's bytes from an open document.
     *
     * @throws ReportException with {@link ErrorCode#NOT_FOUND} if it carries no Caisey record
     */
    static byte[] extract(PdfDocument document) {
        PdfArray associated = document.getCatalog().getPdfObject().getAsArray(PdfName.AF);
        for (int i = 0; associated != null && i < associated.size(); i++) {
            PdfDictionary spec = associated.getAsDictionary(i);
            if (spec == null || spec.getAsString(PdfName.F) == null) {
                continue;
            }
            String name = spec.getAsString(PdfName.F).toUnicodeString();
            PdfDictionary files = spec.getAsDictionary(PdfName.EF);
            PdfStream stream = files == null ? null : files.getAsStream(PdfName.F);
            if (name.endsWith(SUFFIX) && stream != null) {
                return stream.getBytes();
            }
        }
        throw new ReportException(
                ErrorCode.NOT_FOUND,
                "this PDF carries no Caisey session record (no attached *.caisey.json file); was it made by Caisey?");
    }
}
