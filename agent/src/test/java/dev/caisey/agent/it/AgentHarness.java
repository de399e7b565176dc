package dev.caisey.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.agent.Agent;
import dev.caisey.agent.AgentConfig;
import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.agent.connection.LinkSettings;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.server.it.ServerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** A real server with the agent enrolled through its command line, and the agent served on a virtual thread. */
final class AgentHarness implements AutoCloseable {
    /** Short timings so faults are noticed and mended within a test's time. */
    static final LinkSettings FAST = new LinkSettings(
            Duration.ofMillis(500),
            Duration.ofMillis(1500),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            2.0);

    final ServerFixture fixture;
    final Path agentDir;
    final AgentDiagnostics diagnostics = new AgentDiagnostics();
    private Agent agent;
    private Thread serving;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    AgentHarness(Path dir) {
        this.fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5));
        this.agentDir = dir.resolve("agent");
    }

    String token() {
        return fixture.server()
                .context()
                .enrollment()
                .createEnrollmentToken("o-other", Duration.ofHours(1), Instant.now())
                .token();
    }

    String serverUrl() {
        return "wss://127.0.0.1:" + fixture.server().port();
    }

    /** Runs {@code caisey-agent} in-process; returns exit status, stdout and stderr. */
    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AgentCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    /** Enrolls through the command line, checking it succeeded. */
    void enroll(String server) {
        String[] result = cli(
                "enroll",
                "--server",
                server,
                "--token",
                token(),
                "--fingerprint",
                fixture.server().fingerprint(),
                "--data",
                agentDir.toString());
        assertThat(result[0]).as("exit status; stderr: %s", result[2]).isEqualTo("0");
        assertThat(result[1]).startsWith("Enrolled as agent ");
    }

    String endpointId() {
        return new IdentityStore(agentDir).load().endpointId();
    }

    /** Starts serving with {@code link} timings. */
    Agent start(LinkSettings link) throws InterruptedException {
        AgentConfig config = new AgentConfig(agentDir, link, Duration.ofMillis(50), 4, Clock.systemUTC());
        agent = Agent.open(config);
        serving = Thread.ofVirtual().name("agent-under-test").start(() -> {
            try {
                agent.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        return agent;
    }

    /** Waits for the agent's endpoint to be online at the server. */
    void awaitOnline(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        String endpoint = endpointId();
        while (!fixture.server().context().agentLinks().online(endpoint)) {
            assertThat(System.nanoTime() - deadline).as("agent online in time").isNegative();
            Thread.sleep(20);
        }
    }

    dev.caisey.agent.connection.AgentService agentService() {
        return agent.service();
    }

    Thread serving() {
        return serving;
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            if (agent != null) {
                agent.close();
                serving.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                fixture.close();
            } finally {
                diagnostics.close();
            }
        }
    }
}
