package dev.caisey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caisey-server start} refuses a half-given certificate in words, before it creates anything. */
class StartCommandTest {
    @TempDir
    Path dir;

    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ServerCommand.run(new PrintWriter(o), new PrintWriter(e), args);
        err = e.toString();
        return status;
    }

    @Test
    void aCertificateWithoutItsPasswordFileIsRefusedAndNothingIsCreated() throws Exception {
        Path data = dir.resolve("data");

        assertThat(run(
                        "start",
                        "--data",
                        data.toString(),
                        "--pkcs12",
                        dir.resolve("mine.p12").toString()))
                .isNotZero();

        assertThat(err)
                .contains("--pkcs12 and --pkcs12-password-file go together")
                .doesNotContain("Exception");
        assertThat(Files.exists(data.resolve("caisey.mv.db"))).isFalse();
    }

    @Test
    void anUnreadablePasswordFileIsSaidInWords() {
        assertThat(run(
                        "start",
                        "--data",
                        dir.resolve("data").toString(),
                        "--pkcs12",
                        dir.resolve("mine.p12").toString(),
                        "--pkcs12-password-file",
                        dir.resolve("missing.txt").toString()))
                .isNotZero();

        assertThat(err).contains("The certificate password file").contains("cannot be read");
    }

    @Test
    void helpNamesTheCertificateOptions() {
        StringWriter o = new StringWriter();
        assertThat(ServerCommand.run(new PrintWriter(o), new PrintWriter(new StringWriter()), "start", "--help"))
                .isZero();
        assertThat(o.toString()).contains("--pkcs12=FILE", "--pkcs12-password-file=FILE", "--company=NAME");
    }
}
