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
        return run(env, null, command, args);
    }

    private Run run(Map<String, String> env, Path stdin, String command, String... args)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(BIN.resolve(command).toAbsolutePath().toString());
        line.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CACHE_HOME");
        builder.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
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

    @Test
    void caiseyServerAdministersItsDataFolderAndServesHealthOverTlsOnly() throws Exception {
        Path data = home.resolve("data");
        Run addOrg = run(
                Map.of(),
                "caisey-server",
                "admin",
                "org-add",
                "--data",
                data.toString(),
                "o-harbor",
                "--name",
                "Harbor Accounting LLP",
                "--zone",
                "America/New_York",
                "--sla",
                "240");
        Run token = run(
                Map.of(),
                "caisey-server",
                "admin",
                "enroll-token",
                "--data",
                data.toString(),
                "--org",
                "o-harbor",
                "--expires",
                "2h");
        Run badZone = run(
                Map.of(),
                "caisey-server",
                "admin",
                "org-add",
                "--data",
                data.toString(),
                "o-x",
                "--name",
                "X",
                "--zone",
                "+05:00",
                "--sla",
                "60");

        assertThat(addOrg.status()).as(addOrg.err()).isZero();
        assertThat(token.status()).as(token.err()).isZero();
        assertThat(token.out().strip()).matches("[A-Za-z0-9_-]{40,}");
        assertThat(badZone.status()).isEqualTo(1);
        assertThat(badZone.err()).contains("IANA").doesNotContain("Exception");

        try (StartedServer started = startServer(data)) {
            String port = started.port();
            String fingerprint = started.fingerprint();
            assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            var response = java.net.http.HttpClient.newBuilder()
                    .sslContext(Pinning.context(fingerprint))
                    .build()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("https://127.0.0.1:" + port + "/health"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"ok\"");

            var plain = java.net.http.HttpClient.newHttpClient();
            String plainUrl = "http://127.0.0.1:" + port + "/health";
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(plainUrl))
                                    .timeout(java.time.Duration.ofSeconds(10))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    /** A {@code caisey-server start} process, its port and the fingerprint it printed. */
    record StartedServer(Process process, String port, String fingerprint) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }

    private StartedServer startServer(Path data) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                BIN.resolve("caisey-server").toAbsolutePath().toString(),
                "start",
                "--data",
                data.toString(),
                "--port",
                "0");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("CAISEY_ADMIN_PASSWORD", "correct horse battery staple");
        builder.redirectErrorStream(true);
        Process server = builder.start();
        var lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String port = null;
        String fingerprint = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((port == null || fingerprint == null) && System.nanoTime() < deadline) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            var listening = java.util.regex.Pattern.compile("listening on https://127.0.0.1:(\\d+)")
                    .matcher(line);
            if (listening.find()) {
                port = listening.group(1);
            }
            if (line.startsWith("TLS certificate SHA-256 fingerprint: ")) {
                fingerprint = line.substring(line.indexOf(": ") + 2).strip();
            }
        }
        // Keep reading, so a chatty server never blocks on a full pipe.
        Thread.ofVirtual().start(() -> {
            try {
                while (lines.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the server stopped
            }
        });
        StartedServer started = new StartedServer(server, port, fingerprint);
        if (port == null || fingerprint == null) {
            started.close();
            throw new AssertionError("the server did not say where it listens and what its fingerprint is");
        }
        return started;
    }

    @Test
    void caiseySignsInToARealServerAndSaysWhatToDoWhenNotSignedIn() throws Exception {
        Map<String, String> env =
                Map.of("CAISEY_CONFIG_DIR", home.resolve("caisey-config").toString());
        Run notSignedIn = run(env, "caisey", "sessions");
        Run help = run(env, "caisey", "--help");

        assertThat(notSignedIn.status()).isEqualTo(4);
        assertThat(notSignedIn.err()).startsWith("caisey: Not signed in.").doesNotContain("Exception");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Exit status:").contains("120").contains("session");

        try (StartedServer server = startServer(home.resolve("data"))) {
            Files.writeString(home.resolve("password.txt"), "correct horse battery staple\n");
            Run login = run(
                    env,
                    home.resolve("password.txt"),
                    "caisey",
                    "login",
                    "--server",
                    "wss://127.0.0.1:" + server.port(),
                    "--user",
                    "admin",
                    "--password-stdin",
                    "--fingerprint",
                    server.fingerprint());
            Run sessions = run(env, "caisey", "sessions", "--json");

            assertThat(login.status()).as(login.err()).isZero();
            assertThat(login.out()).startsWith("Signed in to wss://127.0.0.1:" + server.port() + " as admin");
            assertThat(sessions.status()).as(sessions.err()).isZero();
            assertThat(sessions.out().strip()).isEqualTo("[]");
        }
    }

    @Test
    void caiseyAgentStartsAndSaysWhatToDoWhenItIsNotEnrolled() throws Exception {
        Run version = run(Map.of(), "caisey-agent", "--version");
        Run notEnrolled = run(
                Map.of(), "caisey-agent", "run", "--data", home.resolve("agent").toString());

        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("caisey-agent ");
        assertThat(notEnrolled.status()).isEqualTo(3);
        assertThat(notEnrolled.err()).contains("holds no agent identity; run caisey-agent enroll first");
    }

    @Test
    void caiseyConsoleFindsItsMainClassAndRefusesAnUnknownOptionInWords() throws Exception {
        // Bad options are refused before a window opens, so this runs without a display.
        Run run = run(Map.of(), "caisey-console", "--colour", "green");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("caisey-console: Unknown option --colour. Usage: caisey-console [--dark|--light]"
                        + " [--config-dir DIR] [--server URL]\n");
    }
}
