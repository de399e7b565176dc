package dev.caisey.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command demo as a newcomer without a display meets it: the assembled {@code caisey-demo} sets up a server
 * and an agent, tells the sample sessions, shows them with the {@code caisey} command line, writes and verifies the
 * PDF, and leaves no process behind.
 */
class DemoIT {
    private static final Path DEMO = Path.of("target", "caisey", "bin", "caisey-demo");
    private static final long DEMO_WAIT_SECONDS = 300;

    @TempDir
    Path home;

    @Test
    void tellsTheSampleSessionsWritesAVerifiedPdfAndStopsEverything() throws Exception {
        Path data = home.resolve("demo");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        DEMO.toAbsolutePath().toString(),
                        "--no-console",
                        "--exit-when-done",
                        "--data",
                        data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("demo.txt").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("DISPLAY");
        Process demo = builder.start();
        if (!demo.waitFor(DEMO_WAIT_SECONDS, TimeUnit.SECONDS)) {
            demo.destroyForcibly();
            throw new AssertionError("the demo did not finish within " + DEMO_WAIT_SECONDS + " s:\n"
                    + Files.readString(home.resolve("demo.txt")));
        }
        String out = Files.readString(home.resolve("demo.txt"), StandardCharsets.UTF_8);

        assertThat(demo.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("ticket HD-4471", "ticket HD-4480", "ticket HD-4492", "ticket HD-4500")
                .contains("Maria Lopez approved “Remove the three stuck print jobs”")
                .contains("problem resolved: Cleared three stuck jobs from the print queue")
                .contains("VALID PDF: signed by CN=Caisey server")
                .contains("VALID: 23 events,")
                .contains("SLA figures of Harbor")
                .contains("/join/");
        assertThat(Files.readAllBytes(data.resolve("HD-4471.pdf")))
                .startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        try (var jobs = Files.list(data.resolve("spool"))) {
            assertThat(jobs)
                    .as("the approved clean-up really ran on this computer")
                    .isEmpty();
        }
        Matcher port =
                Pattern.compile("running on https://127\\.0\\.0\\.1:(\\d+)").matcher(out);
        assertThat(port.find()).isTrue();
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(line -> line.contains(data.toString()))
                        .toList())
                .as("the server and the agent it started are gone")
                .isEmpty();
    }
}
