package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.console.cli.CaiseyCommand;
import dev.caisey.console.cli.CliContext;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.server.it.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real server on a loopback port with the sample organisation (risky commands need approval), a real agent process
 * enrolled in it through the agent's own command line, and the {@code caisey} command line run in-process with its
 * own configuration folder and captured streams.
 */
final class ConsoleHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final ServerFixture fixture;
    final Path dir;
    final Path configDir;
    private Process agent;
    private Path agentDir;

    ConsoleHarness(Path dir) {
        this(dir, Duration.ofMinutes(5));
    }

    /** A harness whose server gives the client {@code approvalWait} to answer an approval. */
    ConsoleHarness(Path dir, Duration approvalWait) {
        this.dir = dir;
        this.fixture = ServerFixture.start(dir.resolve("server"), approvalWait);
        this.configDir = dir.resolve("config");
    }

    /** A harness around a server the test started (one with a mail server configured, say); it closes it. */
    ConsoleHarness(Path dir, ServerFixture fixture) {
        this.dir = dir;
        this.fixture = fixture;
        this.configDir = dir.resolve("config");
    }

    String serverUrl() {
        return "wss://127.0.0.1:" + fixture.server().port();
    }

    String fingerprint() {
        return fixture.server().fingerprint();
    }

    ConsoleHome home() {
        return new ConsoleHome(configDir);
    }

    /** What one run of {@code caisey} printed and returned. */
    record Run(int status, String out, String err) {}

    /** Runs {@code caisey} in-process with {@code stdin} as standard input and no terminal. */
    Run caiseyWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of(ConsoleHome.ENV, configDir.toString()),
                null);
        int status = CaiseyCommand.run(context, args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Runs {@code caisey} with nothing on standard input. */
    Run caisey(String... args) {
        return caiseyWithInput("", args);
    }

    /** Signs the technician dana in through the command line, checking it worked. */
    void login() {
        Run run = caiseyWithInput(
                ServerFixture.PASSWORD + "\n",
                "login",
                "--server",
                serverUrl(),
                "--user",
                "dana",
                "--password-stdin",
                "--fingerprint",
                fingerprint());
        assertThat(run.status()).as("login; stderr: %s", run.err()).isZero();
    }

    /** Enrolls an agent in the sample organisation and starts it as its own process; returns its endpoint id. */
    String startAgent() throws Exception {
        agentDir = dir.resolve("agent");
        String token = fixture.server()
                .context()
                .enrollment()
                .createEnrollmentToken(ServerFixture.HARBOR, Duration.ofHours(1), Instant.now())
                .token();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AgentCommand.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "enroll",
                "--server",
                serverUrl(),
                "--token",
                token,
                "--fingerprint",
                fingerprint(),
                "--data",
                agentDir.toString());
        assertThat(status).as("enroll; stderr: %s", err).isZero();
        String java = ProcessHandle.current().info().command().orElse("java");
        agent = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AgentCommand.class.getName(),
                        "run",
                        "--data",
                        agentDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile())
                .start();
        String endpoint = new IdentityStore(agentDir).load().endpointId();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!fixture.server().context().agentLinks().online(endpoint)) {
            assertThat(agent.isAlive())
                    .as("agent process alive; log: %s", agentLog())
                    .isTrue();
            assertThat(System.nanoTime() - deadline).as("agent online in time").isNegative();
            Thread.sleep(50);
        }
        return endpoint;
    }

    /** Stops the agent process, as a switched-off computer would go away. */
    void stopAgent() throws InterruptedException {
        agent.destroyForcibly().waitFor();
    }

    String agentLog() {
        try {
            return Files.readString(dir.resolve("agent.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (agent != null) {
                agent.destroy();
                if (!agent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    agent.destroyForcibly().waitFor();
                }
            }
        } catch (InterruptedException e) {
            agent.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            fixture.close();
        }
    }
}
