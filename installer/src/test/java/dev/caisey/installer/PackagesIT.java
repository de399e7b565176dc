package dev.caisey.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.caisey.server.tls.TlsMaterial;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the .deb packages the {@code packages} profile builds as an administrator would meet them: their control
 * data and files, the systemd units, and that the launchers unpacked from them start (the server answers its health
 * check over TLS). Runs with {@code mvn verify -Ppackages}; without the profile there are no packages to check.
 */
class PackagesIT {
    private static final String VERSION = "0.1.0~SNAPSHOT";
    private static Path packages;

    @TempDir
    Path root;

    @BeforeAll
    static void packagesWereBuilt() {
        String dir = System.getProperty("caisey.packages");
        assumeTrue(dir != null, "the packages are built by the 'packages' profile: mvn verify -Ppackages");
        packages = Path.of(dir);
    }

    /** What one run printed and returned. */
    record Run(int status, String out) {}

    private static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static Path deb(String name) {
        return packages.resolve(name + "_" + VERSION + "_amd64.deb");
    }

    private Path unpack(String name) throws Exception {
        Path into = Files.createDirectories(root.resolve(name));
        Run run = run(root, "dpkg-deb", "-x", deb(name).toString(), into.toString());
        assertThat(run.status()).as(run.out()).isZero();
        return into;
    }

    @Test
    void theServerPackageDescribesItselfAndHoldsTheServiceAndItsSettings() throws Exception {
        Run info = run(root, "dpkg-deb", "-I", deb("caisey-server").toString());
        Run contents = run(root, "dpkg-deb", "-c", deb("caisey-server").toString());

        assertThat(info.out())
                .contains("Package: caisey-server", "Version: " + VERSION, "Architecture: amd64", "Depends: adduser")
                .contains("postinst", "prerm", "conffiles");
        assertThat(contents.out())
                .contains("./opt/caisey-server/bin/caisey-server")
                .contains("./opt/caisey-server/lib/runtime/bin/java")
                .contains("./usr/bin/caisey-server -> /opt/caisey-server/bin/caisey-server")
                .contains("./lib/systemd/system/caisey-server.service")
                .contains("./etc/default/caisey-server");
    }

    @Test
    void theAgentPackageHoldsItsServiceAndNoServerCode() throws Exception {
        Run contents = run(root, "dpkg-deb", "-c", deb("caisey-agent").toString());

        assertThat(contents.out())
                .contains("./opt/caisey-agent/bin/caisey-agent")
                .contains("./usr/bin/caisey-agent -> /opt/caisey-agent/bin/caisey-agent")
                .contains("./lib/systemd/system/caisey-agent.service")
                .doesNotContain("etc/default");
    }

    @Test
    void theConsolePackageCarriesTheDesktopConsoleAndTheCommandLine() throws Exception {
        Run info = run(root, "dpkg-deb", "-I", deb("caisey-console").toString());
        Run contents = run(root, "dpkg-deb", "-c", deb("caisey-console").toString());

        assertThat(info.out()).contains("Package: caisey-console", "Version: " + VERSION);
        assertThat(contents.out())
                .contains("./opt/caisey-console/bin/caisey-console", "./opt/caisey-console/bin/caisey")
                .contains("./usr/bin/caisey-console -> /opt/caisey-console/bin/caisey-console")
                .contains("./usr/bin/caisey -> /opt/caisey-console/bin/caisey")
                .contains("javafx-graphics")
                .doesNotContain("lib/systemd");
    }

    @Test
    void theUnpackedCommandLineRunsAndChecksARecord() throws Exception {
        Path caisey = unpack("caisey-console").resolve("opt/caisey-console/bin/caisey");
        Path sample = Path.of("..", "record", "src", "test", "resources", "samples", "printer-spooler.caisey.json")
                .toAbsolutePath();

        Run verify = run(root, caisey.toString(), "verify", sample.toString());

        assertThat(verify.status()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("VALID: 19 events,");
    }

    @Test
    void theServerUnitRunsAsItsOwnUserWithHardening() throws Exception {
        String unit = Files.readString(unpack("caisey-server").resolve("lib/systemd/system/caisey-server.service"));

        assertThat(unit)
                .contains("User=caisey", "StateDirectory=caisey-server", "StateDirectoryMode=0700")
                .contains("Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes")
                .contains("CapabilityBoundingSet=\n")
                .contains("ExecStart=/opt/caisey-server/bin/caisey-server start --data /var/lib/caisey-server");
    }

    @Test
    void theAgentUnitDoesNotRestartWhenAPersonMustAct() throws Exception {
        String unit = Files.readString(unpack("caisey-agent").resolve("lib/systemd/system/caisey-agent.service"));

        assertThat(unit)
                .contains("RestartPreventExitStatus=3", "Restart=on-failure", "NoNewPrivileges=yes")
                .contains("ConditionPathExists=/var/lib/caisey-agent/identity.properties")
                .contains("ExecStart=/opt/caisey-agent/bin/caisey-agent run --data /var/lib/caisey-agent");
    }

    @Test
    void systemdFindsNothingWrongInTheUnits() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        for (String name : List.of("caisey-server", "caisey-agent")) {
            Path unpacked = unpack(name);
            // Point the unit at the unpacked launcher so systemd can check that the command exists.
            String unit = Files.readString(unpacked.resolve("lib/systemd/system/" + name + ".service"))
                    .replace("/opt/", unpacked + "/opt/");
            Path copy = Files.createDirectories(root.resolve("units")).resolve(name + ".service");
            Files.writeString(copy, unit);

            Run verify = run(root, "systemd-analyze", "verify", "--man=no", copy.toString());

            assertThat(verify.out()).as(name).isEmpty();
            assertThat(verify.status()).as(name).isZero();
        }
    }

    @Test
    void maintainerScriptsAreValidShell() throws Exception {
        for (String name : List.of("caisey-server", "caisey-agent")) {
            Path control = Files.createDirectories(root.resolve(name + "-control"));
            assertThat(run(root, "dpkg-deb", "-e", deb(name).toString(), control.toString())
                            .status())
                    .isZero();
            for (String script : List.of("postinst", "prerm")) {
                Run check = run(root, "sh", "-n", control.resolve(script).toString());
                assertThat(check.status())
                        .as(name + " " + script + ": " + check.out())
                        .isZero();
            }
        }
    }

    @Test
    void theUnpackedAgentStartsAndSaysItIsNotEnrolled() throws Exception {
        Path agent = unpack("caisey-agent").resolve("opt/caisey-agent/bin/caisey-agent");

        Run version = run(root, agent.toString(), "--version");
        Run notEnrolled = run(
                root, agent.toString(), "run", "--data", root.resolve("empty").toString());

        assertThat(version.out()).contains("0.1.0-SNAPSHOT");
        assertThat(notEnrolled.status()).isEqualTo(3);
        assertThat(notEnrolled.out()).contains("holds no agent identity; run caisey-agent enroll first");
    }

    @Test
    void theUnpackedServerStartsAndAnswersItsHealthCheckOverTls() throws Exception {
        Path server = unpack("caisey-server").resolve("opt/caisey-server/bin/caisey-server");
        Path data = root.resolve("data");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(
                List.of(server.toString(), "start", "--data", data.toString(), "--port", Integer.toString(port)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("server.log").toFile())
                .start();
        try {
            String health = health(data, port);
            assertThat(health).contains("\"status\":\"ok\"", "\"version\":\"0.1.0-SNAPSHOT\"");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(root.resolve("server.log"))).contains("one-time password");
    }

    /** Polls /health until the server answers, trusting exactly the certificate it made in its data folder. */
    private static String health(Path data, int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                char[] password = Files.readString(data.resolve(TlsMaterial.PASSWORD_FILE))
                        .strip()
                        .toCharArray();
                X509Certificate certificate = TlsMaterial.load(data.resolve(TlsMaterial.KEYSTORE_FILE), password)
                        .certificate();
                HttpClient client = HttpClient.newBuilder()
                        .sslContext(TlsMaterial.clientContextTrusting(certificate))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                return client.send(
                                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException | dev.caisey.server.ServerException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the packaged server did not answer within 60 s", e);
                }
                Thread.sleep(500);
            }
        }
    }
}
