package dev.caisey.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.ReportException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfReportTest {
    /** The seven moments of DESIGN.md, with their times in America/New_York (UTC−5 in November). */
    private static final List<String> SEVEN = List.of(
            "10:15:32 Dana Whitfield connected to PRN-ACCT-01",
            "10:15:50 Dana Whitfield wrote: “I see the print spooler is stuck. I need to restart it. Is that okay?”",
            "10:16:01 Maria Lopez approved “Restart the Print Spooler service”",
            "10:16:05 Restarted the Print Spooler service — finished successfully",
            "10:16:30 Dana Whitfield verified the fix: The Print Spooler service is running again.",
            "10:17:12 Maria Lopez wrote: “It worked — test page printed.”",
            "10:17:45 Dana Whitfield closed the session — problem resolved");

    @Test
    void rendersTheSampleWithEverySection() throws IOException {
        byte[] pdf = TestReports.unsigned();
        long start = System.nanoTime();
        PdfReport.create().render(TestReports.sample(), new ByteArrayOutputStream());
        long millis = (System.nanoTime() - start) / 1_000_000;
        Path out = Path.of("target/printer-spooler.pdf");
        Files.write(out, pdf);
        Files.write(Path.of("target/printer-spooler-signed.pdf"), TestReports.signed());
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text)
                .contains(
                        "Harbor Accounting LLP",
                        "Timeline",
                        "Approvals",
                        "Chat and notes",
                        "Verification",
                        "Resolution",
                        "Technical appendix",
                        "Integrity and how to verify",
                        "HD-4471")
                .contains("Connected 10:15:32, fix verified 10:16:30 — 58 seconds after connection; session closed "
                        + "10:17:45 (EST, UTC−5)")
                .contains("In UTC: connected 15:15:32, fix verified 15:16:30, closed 15:17:45")
                .contains("dfb6d9ba78c20bae9dc4ccf031cfdfb53f37b4c0a330d5d7191dc3c8f3768b93");
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(document.getDocumentInfo().getTitle()).contains("Harbor Accounting LLP", "PRN-ACCT-01");
            assertThat(document.getOutlines(false).getAllChildren()).hasSize(Section.values().length);
            int pages = document.getNumberOfPages();
            assertThat(PdfTextExtractor.getTextFromPage(document.getPage(2))).contains("Page 2 of " + pages);
            System.out.printf(
                    "sample report: %d pages, %d bytes unsigned, %d bytes signed, warm render %d ms%n",
                    pages, pdf.length, TestReports.signed().length, millis);
        }
    }

    @Test
    void timelineShowsTheSevenMomentsOfTheStoryInOrderWithLocalTimes() {
        String text = text(TestReports.unsigned());
        String timeline = text.substring(text.indexOf("Every recorded event"), text.indexOf("Approvals\n"));
        String flat = timeline.replaceAll("\\s+", " ");
        int from = 0;
        for (String moment : SEVEN) {
            int at = flat.indexOf(moment, from);
            assertThat(at)
                    .as("'%s' after position %d of the timeline:%n%s", moment, from, timeline)
                    .isGreaterThanOrEqualTo(0);
            from = at + moment.length();
        }
    }

    @Test
    void embedsTheExactRecordAndItVerifies() {
        byte[] extracted = EmbeddedRecord.extract(new ByteArrayInputStream(TestReports.signed()));
        assertThat(extracted).isEqualTo(TestReports.sample());
        Verification verification = RecordVerifier.create().verify(extracted);
        assertThat(verification).isInstanceOf(Verification.Verified.class);
        assertThat(verification.message()).startsWith("19 events, 2026-11-17 15:15:32 to 15:17:45 UTC, chain intact");
    }

    @Test
    void refusesAFileThatIsNotARecordWithAClearMessage() {
        assertThatThrownBy(() -> PdfReport.create()
                        .render("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), new ByteArrayOutputStream()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("not a valid Caisey session record")
                .hasMessageContaining("is this a Caisey record export?")
                .extracting(e -> ((ReportException) e).code())
                .isEqualTo(ErrorCode.INVALID);
    }

    @Test
    void refusesARecordThatWasChanged() {
        byte[] changed = new String(TestReports.sample(), StandardCharsets.UTF_8)
                .replace("It worked — test page printed.", "It did not work.")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PdfReport.create().render(changed, new ByteArrayOutputStream()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("it was changed after it was recorded")
                .extracting(e -> ((ReportException) e).code())
                .isEqualTo(ErrorCode.CHAIN_BROKEN);
    }

    @Test
    void findsNoRecordInAPdfWithoutOne() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (PdfDocument document = new PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(plain))) {
            document.addNewPage();
        }
        assertThatThrownBy(() -> EmbeddedRecord.extract(new ByteArrayInputStream(plain.toByteArray())))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("carries no Caisey session record");
        assertThatThrownBy(() ->
                        EmbeddedRecord.extract(new ByteArrayInputStream("not a pdf".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("cannot be read as a PDF");
    }

    static String text(byte[] pdf) {
        StringBuilder text = new StringBuilder();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(i)))
                        .append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }
}
