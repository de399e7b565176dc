package dev.caisey.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.agent.Agent;
import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.agent.journal.Journal;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.ProtocolCodec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as its own JVM ({@code caisey-agent run}), killed with SIGKILL in the middle of a command while the network
 * holds its reports back, then restarted: every event its journal held reaches the record exactly once, the
 * interrupted command is recorded cancelled, its orphaned process is killed, and the next command runs.
 */
class AgentCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void replaysTheJournalAfterSigkillAndLosesOrDuplicatesNothing() throws Exception {
        List<Process> children = new ArrayList<>();
        long orphan = -1;
        try (AgentHarness harness = new AgentHarness(dir);
                TcpProxy proxy = new TcpProxy(harness.fixture.server().port())) {
            harness.enroll("wss://127.0.0.1:" + proxy.port());
            children.add(startAgent(harness.agentDir, dir.resolve("agent-1.log")));
            harness.awaitOnline(WAIT);
            try (ConsoleView console = new ConsoleView(harness.fixture, harness.endpointId())) {
                console.request(
                        "c-long",
                        "i=0; while [ $i -lt 100000 ]; do echo line-$i; i=$((i+1)); sleep 0.005;" + " done",
                        600);
                orphan = ((CommandStarted) console.await(e -> e.event() instanceof CommandStarted, WAIT)
                                .event())
                        .pid();
                console.await(e -> e.event() instanceof CommandOutput, WAIT);

                proxy.hold(true);
                Thread.sleep(1_500);
                children.getFirst().destroyForcibly().waitFor();
                Set<String> unacknowledged = pendingEventIds(harness.agentDir);
                assertThat(unacknowledged)
                        .as("events journaled but not acknowledged at the kill")
                        .isNotEmpty();
                assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

                proxy.cutAll();
                proxy.hold(false);
                children.add(startAgent(harness.agentDir, dir.resolve("agent-2.log")));
                CommandCancelled cancelled = (CommandCancelled) console.end("c-long", Duration.ofSeconds(60));
                assertThat(cancelled.reason()).isEqualTo(Agent.INTERRUPTED_BY_RESTART);

                Set<String> recorded = new HashSet<>();
                console.record().stream().map(RecordedEvent::id).forEach(recorded::add);
                assertThat(recorded).containsAll(unacknowledged);
                console.assertNoDuplicateIds();
                String out = console.output("c-long", OutputChannel.STDOUT);
                List<String> lines = out.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    assertThat(lines.get(i)).isEqualTo("line-" + i);
                }
                assertGone(orphan);

                console.request("c-after", "echo after the restart", 30);
                assertThat(console.end("c-after", WAIT)).isInstanceOf(CommandFinished.class);
                System.out.printf(
                        "%d events replayed from the journal; %d lines recorded before the kill%n",
                        unacknowledged.size(), lines.size());
            }
        } finally {
            for (Process child : children) {
                child.destroyForcibly().waitFor();
            }
            if (orphan > 0) {
                ProcessHandle.of(orphan).ifPresent(p -> p.destroyForcibly());
            }
        }
    }

    private static Process startAgent(Path data, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AgentCommand.class.getName(),
                        "run",
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static Set<String> pendingEventIds(Path data) throws Exception {
        Set<String> pending = new HashSet<>();
        for (String line : Files.readAllLines(data.resolve(Journal.FILE))) {
            String payload = line.substring(line.indexOf(' ') + 1);
            if (payload.startsWith("ack ")) {
                pending.remove(payload.substring(4));
            } else if (payload.startsWith("{")) {
                pending.add(((AgentReport) ProtocolCodec.decode(payload).body()).eventId());
            }
        }
        return pending;
    }

    private static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("orphan %d killed", pid)
                .isFalse();
    }

    static String classPath() {
        return System.getProperty("java.class.path").replace(File.pathSeparator, "\n");
    }
}
