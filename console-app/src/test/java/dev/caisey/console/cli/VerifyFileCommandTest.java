package dev.caisey.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caisey verify} on record files, without a server (signed PDFs are checked end to end by the demo's test). */
class VerifyFileCommandTest {
    private static final Path SAMPLE =
            Path.of("..", "record", "src", "test", "resources", "samples", "printer-spooler.caisey.json");

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int caisey(String... args) {
        CliRun run = CliRun.of(dir, args);
        out = run.out();
        err = run.err();
        return run.status();
    }

    @Test
    void aSoundRecordIsValid() {
        assertThat(caisey("verify", SAMPLE.toString())).isZero();
        assertThat(out).startsWith("VALID: 19 events,").contains("chain intact");
    }

    @Test
    void aChangedRecordIsNotValidAndSaysWhere() throws Exception {
        Path tampered = Files.writeString(
                dir.resolve("tampered.caisey.json"),
                Files.readString(SAMPLE).replace("Restart-Service Spooler", "Restart-Service Spooled"));

        assertThat(caisey("verify", tampered.toString())).isEqualTo(VerifyFileCommand.NOT_VALID);
        assertThat(err).startsWith("NOT VALID: tampered.caisey.json: event 6 (command.requested)");
    }

    @Test
    void aBrokenPdfOrAMissingFileIsNotValidInWords() throws Exception {
        Path pdf = Files.writeString(dir.resolve("report.pdf"), "%PDF-1.7 and nothing else");

        assertThat(caisey("verify", pdf.toString())).isEqualTo(VerifyFileCommand.NOT_VALID);
        assertThat(err).contains("report.pdf: this file cannot be read as a PDF");
        assertThat(caisey("verify", dir.resolve("nothing.pdf").toString())).isEqualTo(VerifyFileCommand.NOT_VALID);
        assertThat(err).contains("there is no file");
    }

    @Test
    void jsonSaysValidOrWhyNot() {
        assertThat(caisey("verify", "--json", SAMPLE.toString())).isZero();
        assertThat(out).contains("\"valid\":true").contains("\"record\":\"19 events,");
    }

    @Test
    void aKeyThatIsNotTrustedMakesTheRecordNotValid() {
        assertThat(caisey("verify", "--trust", "00".repeat(32), SAMPLE.toString()))
                .isEqualTo(VerifyFileCommand.NOT_VALID);
        assertThat(err).contains("NOT VALID");
    }
}
