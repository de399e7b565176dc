package dev.caisey.bench.footprint;

import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.server.CaiseyServer;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.tls.TlsMaterial;
import dev.caisey.server.ws.WebSockets;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

/**
 * A real Caisey server in this JVM on a free loopback port, with one organisation whose commands need no approval
 * and one technician: what the agent of the footprint and relay benchmarks enrolls with and their console signs in
 * to.
 */
public final class BenchServer implements AutoCloseable {
    /** The organisation the benchmark's agent belongs to. */
    static final String ORGANISATION = "o-bench";

    /** The technician who runs the benchmark's command. */
    static final String TECHNICIAN = "bench";

    /** How long the enrollment token is valid. */
    static final Duration TOKEN_VALIDITY = Duration.ofHours(1);

    private static final int PASSWORD_BYTES = 18;
    private static final int SLA_TARGET_MINUTES = 60;

    private final CaiseyServer server;
    private final String password;

    private BenchServer(CaiseyServer server, String password) {
        this.server = server;
        this.password = password;
    }

    /** Starts a server whose data lives in {@code dir}. */
    public static BenchServer start(Path dir) {
        CaiseyServer server = CaiseyServer.start(CaiseyServer.Config.of(dir, "127.0.0.1", 0));
        try {
            byte[] secret = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Instant now = Instant.now();
            var context = server.context();
            context.organisations()
                    .create(
                            new Organisation(
                                    ORGANISATION,
                                    "Bench Co",
                                    ZoneId.of("UTC"),
                                    SLA_TARGET_MINUTES,
                                    ApprovalPolicy.NONE,
                                    false),
                            now);
            context.accounts()
                    .create(TECHNICIAN, "Bench Technician", AccountRole.TECHNICIAN, ORGANISATION, password, now);
            return new BenchServer(server, password);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The server itself. */
    public CaiseyServer server() {
        return server;
    }

    /** The technician's user name. */
    public String technician() {
        return TECHNICIAN;
    }

    /** The technician's password (random for each run). */
    public String password() {
        return password;
    }

    /** The address agents connect to. */
    public String url() {
        return "wss://127.0.0.1:" + server.port();
    }

    /** The SHA-256 fingerprint of the server's certificate, as the agent pins it. */
    public String fingerprint() {
        return server.fingerprint();
    }

    /** A new single-organisation enrollment token. */
    public String enrollmentToken() {
        return server.context()
                .enrollment()
                .createEnrollmentToken(ORGANISATION, TOKEN_VALIDITY, Instant.now())
                .token();
    }

    /**
     * Enrolls an agent into {@code agentDir} with the real {@code caisey-agent enroll} command in a child JVM with
     * {@code jvmOptions}; fails if it does not succeed within {@code wait}.
     */
    public void enrollAgent(Path agentDir, List<String> jvmOptions, Path log, Duration wait)
            throws InterruptedException {
        List<String> args = List.of(
                "enroll",
                "--server",
                url(),
                "--token",
                enrollmentToken(),
                "--fingerprint",
                fingerprint(),
                "--data",
                agentDir.toString());
        try (ChildJvm enroll = ChildJvm.start(jvmOptions, AgentCommand.class.getName(), args, log)) {
            int status = enroll.await(wait);
            if (status != 0) {
                throw new IllegalStateException("caisey-agent enroll exited with " + status + ":\n" + enroll.logText());
            }
        }
    }

    /** Waits until the endpoint's agent is connected and signed in; fails after {@code wait} or if it died. */
    public void awaitOnline(String endpointId, Duration wait, ChildJvm agent) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!server.context().agentLinks().online(endpointId)) {
            if (!agent.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the agent did not come online within " + wait.toSeconds()
                        + " s; its log:\n" + agent.logText());
            }
            Thread.sleep(Duration.ofMillis(50));
        }
    }

    /** A console connection signed in as the technician. */
    public BenchConsole console() throws DeploymentException, IOException, InterruptedException {
        BenchConsole console = BenchConsole.connect(
                server.port(),
                WebSockets.CONSOLE_PATH,
                TlsMaterial.clientContextTrusting(server.tls().certificate()));
        try {
            console.ask(new Login(TECHNICIAN, password), LoginOk.class);
            return console;
        } catch (IOException | InterruptedException | RuntimeException e) {
            console.close();
            throw e;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
