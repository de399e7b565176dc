package dev.caisey.record.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = VerifyCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String sample() {
        return new String(ExportCodec.write(PrinterSpoolerScenario.export()), StandardCharsets.UTF_8);
    }

    @Test
    void printsAOneParagraphSummaryAndExitsZeroForAValidRecord() {
        Run run = run(PrinterSpoolerScenario.FIXTURE.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .startsWith("VALID: 19 events, 2026-11-17 15:15:32 to 15:17:45 UTC, chain intact, signed by key "
                        + PrinterSpoolerScenario.sampleKey().keyId().substring(0, 12)
                        + "…, last checkpoint covers event 19.")
                .contains("Session s-20261117-prn-acct-01 on PRN-ACCT-01 for Harbor Accounting LLP by Dana Whitfield")
                .hasLineCount(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void namesTheFirstProblemAndExitsOneForATamperedRecord() throws IOException {
        Path file = write("tampered.caisey.json", sample().replace("test page printed", "test page printes"));

        Run run = run(file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("NOT VALID: tampered.caisey.json: event 17 (chat.message): its hash does not match its"
                        + " contents (it was changed after it was recorded)\n");
    }

    @Test
    void acceptsOnlyTrustedKeysWhenAskedTo() {
        assertThat(run("--trust", "ab".repeat(32), PrinterSpoolerScenario.FIXTURE.toString())
                        .status())
                .isEqualTo(1);
        assertThat(run(
                                "--trust",
                                PrinterSpoolerScenario.sampleKey().keyId().toUpperCase(java.util.Locale.ROOT),
                                PrinterSpoolerScenario.FIXTURE.toString())
                        .status())
                .isZero();
    }

    @Test
    void explainsInputThatIsNotJson() throws IOException {
        Run run = run(write("notes.txt", "Dear client,\nhere is the record.").toString());

        assertRefusedInWords(run, "not valid JSON at line 1");
    }

    @Test
    void explainsAnotherFormatVersion() throws IOException {
        Run run = run(write("v2.json", sample().replace("caisey-record/1", "caisey-record/2"))
                .toString());

        assertRefusedInWords(run, "the format is 'caisey-record/2'; this verifier reads caisey-record/1");
    }

    @Test
    void explainsAJsonFileThatIsNoRecord() throws IOException {
        assertRefusedInWords(run(write("pkg.json", "{\"name\":\"x\"}").toString()), "no 'format' member");
        assertRefusedInWords(run(write("arr.json", "[1,2]").toString()), "must be a JSON object");
    }

    @Test
    void explainsAMissingMember() throws IOException {
        Run run = run(write("missing.json", sample().replaceFirst("\"prev\" :", "\"prevv\" :"))
                .toString());

        assertRefusedInWords(run, "events[0] is missing the member 'prev'");
    }

    @Test
    void explainsAnUnknownEventType() throws IOException {
        Run run = run(write("unknown.json", sample().replace("\"note.added\"", "\"note.deleted\""))
                .toString());

        assertRefusedInWords(run, "unknown event type 'note.deleted'");
    }

    @Test
    void refusesAFileOverTheSizeLimitWithoutReadingIt() throws IOException {
        Path big = write("big.json", " ".repeat(2 * 1024 * 1024) + sample());

        Run run = run("--max-size", "1", big.toString());

        assertRefusedInWords(run, "the file is 2 MiB; records up to 1 MiB are read");
    }

    @Test
    void explainsAMissingFile() {
        assertRefusedInWords(run(dir.resolve("nope.json").toString()), "there is no file");
    }

    @Test
    void explainsAnEmptyFile() throws IOException {
        assertRefusedInWords(run(write("empty.json", "").toString()), "the input is empty");
    }

    @Test
    void answersAUsageErrorWithStatusTwo() {
        Run run = run();

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'FILE'").contains("Usage: caisey-verify");
    }

    private static void assertRefusedInWords(Run run, String words) {
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("NOT VALID: ")
                .contains(words)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
