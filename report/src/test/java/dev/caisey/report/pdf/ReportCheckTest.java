package dev.caisey.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.ReportException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportCheckTest {
    @Test
    void aSignedReportNamesItsSignerAndGivesBackTheRecordByteForByte() {
        ReportCheck.Checked checked = ReportCheck.check(TestReports.signed());

        assertThat(checked.signer()).contains("Caisey tests");
        assertThat(checked.certificateSha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(checked.record()).isEqualTo(TestReports.sample());
        assertThat(RecordVerifier.create().verify(checked.record())).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void refusesAReportChangedAfterSigning() {
        byte[] changed = TestReports.signed().clone();
        int middle = changed.length / 3;
        changed[middle] = (byte) (changed[middle] ^ 0x01);

        assertThatThrownBy(() -> ReportCheck.check(changed))
                .isInstanceOf(ReportException.class)
                .satisfies(e ->
                        assertThat(((ReportException) e).code()).isIn(ErrorCode.SIGNATURE_INVALID, ErrorCode.INVALID));
    }

    @Test
    void refusesAReportWithSomethingAddedAfterTheSignature() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument appended = new PdfDocument(
                new PdfReader(new ByteArrayInputStream(TestReports.signed())),
                new PdfWriter(out),
                new StampingProperties().useAppendMode())) {
            appended.getDocumentInfo().setTitle("Changed after signing");
        }

        assertThatThrownBy(() -> ReportCheck.check(out.toByteArray()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("does not cover the whole file")
                .extracting(e -> ((ReportException) e).code())
                .isEqualTo(ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void refusesAnUnsignedReport() {
        assertThatThrownBy(() -> ReportCheck.check(TestReports.unsigned()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("not signed by Caisey")
                .extracting(e -> ((ReportException) e).code())
                .isEqualTo(ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void refusesSomethingThatIsNotAPdf() {
        assertThatThrownBy(() -> ReportCheck.check("{\"format\":\"caisey-record/1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReportException.class)
                .hasMessage("this file is not a PDF");
        assertThatThrownBy(() -> ReportCheck.check("%PDF-1.7 and then nothing".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReportException.class)
                .extracting(e -> ((ReportException) e).code())
                .isEqualTo(ErrorCode.INVALID);
    }
}
