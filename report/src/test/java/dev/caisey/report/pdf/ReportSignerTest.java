package dev.caisey.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSignerTest {
    private static final long PDFSIG_TIMEOUT_SECONDS = 60;

    @Test
    void signatureVerifiesWithITextAndCoversTheWholeFile() throws GeneralSecurityException {
        assertThat(check(TestReports.signed())).isTrue();
    }

    @Test
    void aOneByteChangeBreaksTheSignature() throws GeneralSecurityException {
        byte[] changed = oneByteChanged(TestReports.signed());
        assertThat(check(changed)).isFalse();
    }

    @Test
    void signatureVerifiesWithPdfsigAndAChangedByteFails(@TempDir Path dir) throws Exception {
        assumeThat(Path.of("/usr/bin/pdfsig"))
                .as("pdfsig (poppler-utils) is installed")
                .exists();
        Path good = dir.resolve("signed.pdf");
        Files.write(good, TestReports.signed());
        String ok = pdfsig(good);
        assertThat(ok).contains("Signature is Valid").contains("Total document signed");
        Path bad = dir.resolve("changed.pdf");
        Files.write(bad, oneByteChanged(TestReports.signed()));
        assertThat(pdfsig(bad)).doesNotContain("Signature is Valid");
    }

    @Test
    void refusesAnEd25519Key() throws GeneralSecurityException {
        var ed = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportSigner.of(
                        ed.getPrivate(), List.of(TestReports.signer().certificate())))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("ECDSA (P-256) or RSA")
                .extracting(e -> ((ReportException) e).code())
                .isEqualTo(ErrorCode.SIGNATURE_INVALID);
    }

    /** Changes one byte inside the embedded record's region of the file: a letter of the first page's text stream. */
    private static byte[] oneByteChanged(byte[] pdf) {
        byte[] copy = pdf.clone();
        int middle = copy.length / 3;
        copy[middle] = (byte) (copy[middle] ^ 0x01);
        return copy;
    }

    private static boolean check(byte[] pdf) throws GeneralSecurityException {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            SignatureUtil util = new SignatureUtil(document);
            assertThat(util.getSignatureNames()).containsExactly(ReportSigner.FIELD_NAME);
            PdfPKCS7 signature = util.readSignatureData(ReportSigner.FIELD_NAME);
            assertThat(signature
                            .getSigningCertificate()
                            .getSubjectX500Principal()
                            .getName())
                    .contains("Caisey tests");
            return util.signatureCoversWholeDocument(ReportSigner.FIELD_NAME)
                    && signature.verifySignatureIntegrityAndAuthenticity();
        } catch (IOException | com.itextpdf.commons.exceptions.ITextException e) {
            return false;
        }
    }

    private static String pdfsig(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfsig", pdf.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(PDFSIG_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
