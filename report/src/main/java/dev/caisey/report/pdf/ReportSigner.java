package dev.caisey.report.pdf;

import com.itextpdf.commons.exceptions.ITextException;
import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignerProperties;
import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Signs a rendered report with a PAdES baseline-B signature (iText's {@link PdfPadesSigner}), in append mode so the
 * PDF/A document stays intact: any later change to the file breaks the signature. The key is the server's or the
 * organisation's ECDSA (P-256) or RSA key with its certificate chain, given by the caller; PDF readers and {@code
 * pdfsig} do not reliably check Ed25519 PDF signatures, so Ed25519 stays with the record's own checkpoints.
 */
public final class ReportSigner {
    /** The name of the signature field the report's signature goes into. */
    public static final String FIELD_NAME = "CaiseyReportSignature";

    private static final String REASON =
            "Issued by Caisey: this report and the session record it carries are " + "unchanged since they were made";

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private ReportSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
    }

    /**
     * A signer for a key and its certificate chain, the signer's own certificate first.
     *
     * @throws ReportException with {@link ErrorCode#SIGNATURE_INVALID} if the chain is empty or the key is neither EC
     *     nor RSA
     */
    public static ReportSigner of(PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new ReportException(ErrorCode.SIGNATURE_INVALID, "signing a report needs the signer's certificate");
        }
        if (!"EC".equals(key.getAlgorithm()) && !"RSA".equals(key.getAlgorithm())) {
            throw new ReportException(
                    ErrorCode.SIGNATURE_INVALID,
                    "a report is signed with an ECDSA (P-256) or RSA key; this key is " + key.getAlgorithm());
        }
        return new ReportSigner(key, List.copyOf(chain));
    }

    /**
     * Reads an unsigned report and writes it signed.
     *
     * @param unsignedPdf the rendered report; read to the end, not closed
     * @param out where the signed PDF goes; left open
     * @throws ReportException if the input is not a PDF or signing fails
     */
    public void sign(InputStream unsignedPdf, OutputStream out) {
        try {
            PdfReader reader = new PdfReader(unsignedPdf);
            PdfPadesSigner signer = new PdfPadesSigner(reader, new KeepOpen(out))
                    .setStampingProperties(new StampingProperties().useAppendMode());
            SignerProperties properties = new SignerProperties()
                    .setFieldName(FIELD_NAME)
                    .setReason(REASON)
                    .setSignatureCreator("Caisey report");
            String subject = chain.getFirst().getSubjectX500Principal().getName();
            properties.setContact(subject);
            signer.signWithBaselineBProfile(
                    properties,
                    chain.toArray(Certificate[]::new),
                    new PrivateKeySignature(key, DigestAlgorithms.SHA256, null));
        } catch (IOException | ITextException e) {
            throw new ReportException(
                    ErrorCode.INVALID, "the report could not be read for signing: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ReportException(
                    ErrorCode.SIGNATURE_INVALID, "the report could not be signed: " + e.getMessage(), e);
        }
    }

    /** Lets iText close its writer without closing the caller's stream. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
