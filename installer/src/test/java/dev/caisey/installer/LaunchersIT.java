package dev.caisey.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the assembled launchers in {@code target/caisey/bin} the way a person would, in a fresh process. */
class LaunchersIT {
    private static final Path BIN = Path.of("target", "caisey", "bin");
    private static final Path SAMPLE =
            Path.of("..", "record", "src", "test", "resources", "samples", "printer-spooler.caisey.json");

    @TempDir
    Path home;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {}

    private Run run(Map<String, String> env, String command, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(BIN.resolve(command).toAbsolutePath().toString());
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void caiseyVerifyAcceptsTheSampleRecord() throws Exception {
        Run run = run(Map.of(), "caisey-verify", SAMPLE.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("VALID: 19 events,").contains("chain intact");
    }

    @Test
    void caiseyVerifyRefusesATamperedRecordWithExitStatusOne() throws Exception {
        Path tampered = Files.writeString(
                home.resolve("tampered.caisey.json"),
                Files.readString(SAMPLE).replace("Restart-Service Spooler", "Restart-Service Spooled"));

        Run run = run(Map.of(), "caisey-verify", tampered.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("NOT VALID: tampered.caisey.json: event 6 (command.requested)");
    }

    @Test
    void buildsAStartUpArchiveOnTheFirstRunAndReusesIt() throws Exception {
        run(Map.of(), "caisey-verify", SAMPLE.toString());
        Path cds = home.resolve(".cache/caisey/cds");

        assertThat(cds).isDirectory();
        try (var files = Files.list(cds)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .singleElement()
                    .satisfies(name ->
                            assertThat(name).startsWith("caisey-verify-").endsWith(".jsa"));
        }
        assertThat(run(Map.of(), "caisey-verify", SAMPLE.toString()).status()).isZero();
    }

    @Test
    void runsWithoutTheStartUpArchiveWhenAskedTo() throws Exception {
        Run run = run(Map.of("CAISEY_CDS", "off"), "caisey-verify", SAMPLE.toString());

        assertThat(run.status()).isZero();
        assertThat(home.resolve(".cache/caisey")).doesNotExist();
    }

    @Test
    void findsAJava21RuntimeEvenWhenJavaHomePointsElsewhere() throws Exception {
        Run run = run(
                Map.of("JAVA_HOME", home.resolve("no-such-jdk").toString(), "CAISEY_JAVA", "/no/such/java"),
                "caisey-verify",
                "--version");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("caisey-verify ");
    }
}
