package dev.caisey.installer.demo;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.trust.CertificateProbe;
import dev.caisey.console.trust.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up a throw-away Caisey on this computer the way an administrator would, through the real commands: an
 * organisation and two accounts ({@code caisey-server admin}), the server ({@code caisey-server start} on loopback),
 * an enrollment token, and one agent enrolled with the server's fingerprint and left running ({@code caisey-agent}).
 */
final class LocalSetup {
    /** The demo's client organisation. */
    static final String ORGANISATION = "o-harbor";

    /** The technician the stories are told by and the console signs in as. */
    static final String TECHNICIAN = "dana";

    /** The manager, for browsing the records. */
    static final String MANAGER = "mia";

    /** The demo accounts' password (a throw-away server on loopback; shown to the user). */
    static final String PASSWORD = "harbor-demo-2026";

    /** The MSP the client page names. */
    static final String COMPANY = "Northwind IT Services";

    /** How long the server may take to answer after it was started. */
    static final Duration SERVER_START_WAIT = Duration.ofSeconds(90);

    private static final Pattern FINGERPRINT = Pattern.compile("SHA-256 fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");

    /** The running server and where the console keeps its settings. */
    record Running(ServerAddress address, Fingerprint fingerprint, ConsoleHome consoleHome, Path spool) {}

    private final Children children;
    private final Path data;
    private final int port;
    private final Progress progress;

    LocalSetup(Children children, Path data, int port, Progress progress) {
        this.children = children;
        this.data = data;
        this.port = port;
        this.progress = progress;
    }

    Running start() {
        Path server = data.resolve("server");
        Path agent = data.resolve("agent");
        progress.step("Setting up a server in " + data);
        admin(
                "org-add",
                "--data",
                server.toString(),
                ORGANISATION,
                "--name",
                "Harbor Accounting LLP",
                "--zone",
                "America/New_York",
                "--sla",
                "240",
                "--policy",
                "risky");
        userAdd(server, TECHNICIAN, "Dana Whitfield", "technician");
        userAdd(server, MANAGER, "Mia Okafor", "manager");
        String token = admin("enroll-token", "--data", server.toString(), "--org", ORGANISATION, "--expires", "1h")
                .lines()
                .findFirst()
                .orElseThrow(() -> new DemoException("caisey-server admin enroll-token printed no token."));

        progress.step("Starting the server on port " + port);
        Process process = children.start(
                "caisey-server",
                "server",
                Map.of("CAISEY_ADMIN_PASSWORD", randomPassword()),
                List.of("start", "--data", server.toString(), "--port", Integer.toString(port), "--company", COMPANY));
        ServerAddress address = new ServerAddress("127.0.0.1", port);
        Fingerprint fingerprint = waitForServer(process, address, data.resolve("server.log"));

        progress.step("Enrolling this computer's agent (certificate " + fingerprint + ")");
        Children.Result enrolled = children.run(
                "caisey-agent",
                null,
                Map.of(),
                List.of(
                        "enroll",
                        "--server",
                        "wss://" + address.key(),
                        "--token",
                        token,
                        "--fingerprint",
                        fingerprint.toString(),
                        "--data",
                        agent.toString()));
        if (enrolled.status() != 0) {
            throw new DemoException("The agent could not enroll; see " + data.resolve("caisey-agent.log"));
        }
        children.start("caisey-agent", "agent", Map.of(), List.of("run", "--data", agent.toString()));

        ConsoleHome home = new ConsoleHome(data.resolve("console"));
        home.knownServers().add(address, fingerprint);
        return new Running(address, fingerprint, home, prepareSpool());
    }

    private void userAdd(Path server, String user, String name, String role) {
        Children.Result result = children.run(
                "caisey-server",
                PASSWORD,
                Map.of(),
                List.of(
                        "admin",
                        "user-add",
                        "--data",
                        server.toString(),
                        user,
                        "--name",
                        name,
                        "--role",
                        role,
                        "--org",
                        ORGANISATION,
                        "--password-stdin"));
        if (result.status() != 0) {
            throw new DemoException(
                    "Could not create the account " + user + "; see " + data.resolve("caisey-server.log"));
        }
    }

    private String admin(String... args) {
        List<String> line = new java.util.ArrayList<>(List.of("admin"));
        line.addAll(List.of(args));
        Children.Result result = children.run("caisey-server", null, Map.of(), line);
        if (result.status() != 0) {
            throw new DemoException(
                    "caisey-server admin " + args[0] + " failed; see " + data.resolve("caisey-server.log"));
        }
        return result.out();
    }

    /** Waits until the server answers TLS with the certificate it logged, which the demo then trusts. */
    private static Fingerprint waitForServer(Process process, ServerAddress address, Path log) {
        Instant deadline = Instant.now().plus(SERVER_START_WAIT);
        CertificateProbe probe = new CertificateProbe(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DemoException("The server stopped at start; see " + log);
            }
            Fingerprint logged = loggedFingerprint(log);
            if (logged != null) {
                try {
                    Fingerprint presented = probe.fetch(address);
                    if (!presented.matches(logged)) {
                        throw new DemoException("Port " + address.port() + " answers with another certificate ("
                                + presented + ") than the demo's server made (" + logged
                                + "); is something else using it? Try --port.");
                    }
                    return presented;
                } catch (ConsoleException notYet) {
                    // not listening yet
                }
            }
            sleep(Duration.ofMillis(300));
        }
        throw new DemoException("The server did not answer within " + SERVER_START_WAIT.toSeconds() + " s; see " + log);
    }

    private static Fingerprint loggedFingerprint(Path log) {
        try {
            Matcher m = FINGERPRINT.matcher(Files.exists(log) ? Files.readString(log) : "");
            return m.find() ? Fingerprint.parse(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A folder standing in for the print spooler's queue, with three stuck jobs, for the printer story. */
    private Path prepareSpool() {
        try {
            Path spool = Files.createDirectories(data.resolve("spool"));
            for (String job : List.of("000121-invoice-batch.job", "000122-payroll-summary.job", "000123-letter.job")) {
                Files.writeString(spool.resolve(job), "stuck print job " + job + "\n");
            }
            return spool;
        } catch (IOException e) {
            throw new DemoException("Could not write the demo's spool folder in " + data + ": " + e.getMessage());
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Stopped.");
        }
    }
}
