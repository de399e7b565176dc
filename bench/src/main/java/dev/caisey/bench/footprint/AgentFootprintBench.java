package dev.caisey.bench.footprint;

import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.Stats;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Agent footprint (issue 6, goal of issue 12): a real agent process, enrolled with a real server in this JVM over TLS
 * on loopback, with the agent's JVM options. Its resident memory is sampled once it is online and idle (the median
 * counts), then while a console's command streams output through it (the maximum counts). Beside it, all the while,
 * an empty JVM with the same options that only sleeps ({@link IdleJvm}).
 */
public final class AgentFootprintBench {
    /** Goal of issue 12 for the idle agent, in MB. */
    public static final double GOAL_IDLE_MB = 48;

    /** Limit for enrollment and for coming online. */
    static final Duration START_WAIT = Duration.ofSeconds(60);

    /** Time limit of the benchmark's command, in seconds. */
    static final long COMMAND_TIMEOUT_SECONDS = 120;

    /** Pause between two bursts of output of the command, in seconds as the shell reads it. */
    static final String BURST_PAUSE_SECONDS = "0.1";

    /** Lines in one burst ({@code seq 1 4000}: about 19 KB). */
    static final int BURST_LINES = 4_000;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public AgentFootprintBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Runs the agent and the empty JVM, measures, and returns the idle and the busy figures. */
    public List<Result> run() throws DeploymentException, IOException, InterruptedException {
        List<String> options = settings.agentJvmOptions();
        try (Scratch scratch = Scratch.create("caisey-bench-footprint");
                BenchServer server = BenchServer.start(scratch.dir().resolve("server"))) {
            Path agentDir = scratch.dir().resolve("agent");
            server.enrollAgent(agentDir, options, scratch.dir().resolve("enroll.log"), START_WAIT);
            String endpointId = new IdentityStore(agentDir).load().endpointId();
            try (ChildJvm agent = ChildJvm.start(
                            options,
                            AgentCommand.class.getName(),
                            List.of("run", "--data", agentDir.toString()),
                            scratch.dir().resolve("agent.log"));
                    ChildJvm empty = ChildJvm.start(
                            options,
                            IdleJvm.class.getName(),
                            List.of(),
                            scratch.dir().resolve("idle.log"))) {
                server.awaitOnline(endpointId, START_WAIT, agent);
                Thread.sleep(settings.settle());
                List<Double> agentIdle = new ArrayList<>();
                List<Double> emptyIdle = new ArrayList<>();
                for (int i = 0; i < settings.idleSamples(); i++) {
                    agentIdle.add(Rss.megabytes(agent.pid()));
                    emptyIdle.add(Rss.megabytes(empty.pid()));
                    Thread.sleep(settings.sampleEvery());
                }
                List<Double> agentBusy = new ArrayList<>();
                List<Double> emptyBusy = new ArrayList<>();
                runCommand(server, endpointId, agent, empty, agentBusy, emptyBusy);
                double idle = Stats.median(agentIdle);
                return List.of(
                        Result.of(
                                "agent idle RSS (median)",
                                idle,
                                "MB",
                                "empty JVM, same options",
                                Stats.median(emptyIdle),
                                "≤ 48 MB",
                                idle <= GOAL_IDLE_MB),
                        Result.of(
                                "agent RSS while a command streams " + settings.commandRounds() * BURST_LINES
                                        + " lines (max)",
                                Stats.max(agentBusy),
                                "MB",
                                "empty JVM, same options",
                                Stats.max(emptyBusy),
                                Result.NO_GOAL,
                                null));
            }
        }
    }

    /** Runs the command from a console, sampling both processes until its end is recorded. */
    private void runCommand(
            BenchServer server,
            String endpointId,
            ChildJvm agent,
            ChildJvm empty,
            List<Double> agentBusy,
            List<Double> emptyBusy)
            throws DeploymentException, IOException, InterruptedException {
        String script = "i=0; while [ $i -lt " + settings.commandRounds() + " ]; do seq 1 " + BURST_LINES + "; sleep "
                + BURST_PAUSE_SECONDS + "; i=$((i+1)); done";
        try (BenchConsole console = server.console()) {
            String session = console.ask(new SessionOpen(endpointId, "BENCH-1", null), SessionCreated.class)
                    .session();
            console.ask(new SessionSubscribe(session, 0), Ok.class);
            CompletableFuture<Event> end = console.commandEnd("c-1");
            console.ask(
                    new CommandRequest(session, "c-1", Shell.SH, script, null, COMMAND_TIMEOUT_SECONDS, null, false),
                    Ok.class);
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(COMMAND_TIMEOUT_SECONDS).toNanos();
            do {
                agentBusy.add(Rss.megabytes(agent.pid()));
                emptyBusy.add(Rss.megabytes(empty.pid()));
                Thread.sleep(settings.sampleEvery().dividedBy(2));
            } while (!end.isDone() && System.nanoTime() < deadline);
            Event last = end.getNow(null);
            if (!(last instanceof CommandFinished finished) || finished.exitCode() != 0) {
                throw new IllegalStateException(
                        "the benchmark's command did not finish cleanly: " + last + "; agent log:\n" + agent.logText());
            }
        }
    }
}
