package dev.caisey.report.pdf;

import com.itextpdf.commons.exceptions.ITextException;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a Caisey PDF report as a third party would: it carries exactly the Caisey signature, the signature covers the
 * whole file (nothing was added after signing), its bytes are unchanged, and the session record is attached. The record
 * itself is then for {@code RecordVerifier}: a valid signature says who issued the PDF, the record's chain and
 * checkpoints say what happened.
 */
public final class ReportCheck {
    /**
     * What a sound report shows.
     *
     * @param signer the signing certificate's subject, e.g. {@code CN=support.example.com}
     * @param certificateSha256 the SHA-256 of the signing certificate, upper-case hex pairs joined by colons
     * @param record the attached {@code *.caisey.json} record, byte for byte
     */
    public record Checked(String signer, String certificateSha256, byte[] record) {}

    private ReportCheck() {}

    /** Whether {@code bytes} start like a PDF file. */
    public static boolean looksLikePdf(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
    }

    /**
     * Checks a report.
     *
     * @throws ReportException with {@link ErrorCode#INVALID} for a file that is not a PDF, {@link
     *     ErrorCode#SIGNATURE_INVALID} for a missing, partial or broken signature, and {@link ErrorCode#NOT_FOUND} for a
     *     PDF without a Caisey record
     */
    public static Checked check(byte[] pdf) {
        if (!looksLikePdf(pdf)) {
            throw new ReportException(ErrorCode.INVALID, "this file is not a PDF");
        }
        String signer;
        String fingerprint;
        byte[] record;
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            SignatureUtil signatures = new SignatureUtil(document);
            List<String> names = signatures.getSignatureNames();
            if (!names.contains(ReportSigner.FIELD_NAME)) {
                throw new ReportException(
                        ErrorCode.SIGNATURE_INVALID,
                        "this PDF is not signed by Caisey (no signature named " + ReportSigner.FIELD_NAME + ")");
            }
            if (!signatures.signatureCoversWholeDocument(ReportSigner.FIELD_NAME)) {
                throw new ReportException(
                        ErrorCode.SIGNATURE_INVALID,
                        "the signature does not cover the whole file: something was added after the report was signed");
            }
            PdfPKCS7 signature = signatures.readSignatureData(ReportSigner.FIELD_NAME);
            if (!signature.verifySignatureIntegrityAndAuthenticity()) {
                throw new ReportException(
                        ErrorCode.SIGNATURE_INVALID,
                        "the signature does not match the file: it was changed after signing");
            }
            X509Certificate certificate = signature.getSigningCertificate();
            signer = certificate.getSubjectX500Principal().getName();
            record = EmbeddedRecord.extract(document);
            fingerprint = HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (IOException | ITextException e) {
            throw new ReportException(ErrorCode.INVALID, "this file cannot be read as a PDF: " + e.getMessage(), e);
        } catch (CertificateEncodingException e) {
            throw new ReportException(ErrorCode.SIGNATURE_INVALID, "the signing certificate cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new ReportException(
                    ErrorCode.SIGNATURE_INVALID, "the signature cannot be checked: " + e.getMessage(), e);
        }
        return new Checked(signer, fingerprint, record);
    }
}
