package dev.caisey.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.server.it.ServerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real {@code caisey-agent} in its own process: enrolled through its command line with a fresh token, then started
 * with {@code run}, the way an endpoint runs it. Commands the tests approve really run in {@code sh} on this machine.
 */
final class AgentProcess implements AutoCloseable {
    /** The name the agent gives its computer: the sample story's printer PC. */
    static final String HOSTNAME = "PRN-ACCT-01";

    private static final Duration ONLINE_WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final String endpointId;

    private AgentProcess(Process process, String endpointId) {
        this.process = process;
        this.endpointId = endpointId;
    }

    /** Enrolls an agent in {@code organisation} and starts it; returns once the server sees it online. */
    static AgentProcess start(ServerFixture fixture, String organisation, Path dir) throws Exception {
        Path data = dir.resolve("agent");
        String token = fixture.server()
                .context()
                .enrollment()
                .createEnrollmentToken(organisation, Duration.ofHours(1), Instant.now())
                .token();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AgentCommand.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "enroll",
                "--server",
                "wss://127.0.0.1:" + fixture.server().port(),
                "--token",
                token,
                "--fingerprint",
                fixture.server().fingerprint(),
                "--data",
                data.toString());
        assertThat(status).as("enrollment; stderr: %s", err).isZero();
        String endpointId = new IdentityStore(data).load().endpointId();
        // Enrolling signs in on a connection of its own; the process below must not be mistaken for it.
        long gone = System.nanoTime() + ONLINE_WAIT.toNanos();
        while (fixture.server().context().agentLinks().online(endpointId)) {
            assertThat(System.nanoTime()).as("the enrolling connection closed").isLessThan(gone);
            Thread.sleep(20);
        }
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "agent-logs")), "agent-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AgentCommand.class.getName(),
                        "run",
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(log.toFile());
        // The agent names its computer by HOSTNAME, as on the endpoint it would by its own name.
        builder.environment().put("HOSTNAME", HOSTNAME);
        Process process = builder.start();
        AgentProcess agent = new AgentProcess(process, endpointId);
        long deadline = System.nanoTime() + ONLINE_WAIT.toNanos();
        while (!fixture.server().context().agentLinks().online(endpointId)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                agent.close();
                throw new AssertionError("the agent did not come online; its log:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return agent;
    }

    /** The endpoint the agent was enrolled as. */
    String endpointId() {
        return endpointId;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
