package dev.caisey.bench.relay;

import dev.caisey.agent.cli.AgentCommand;
import dev.caisey.agent.identity.IdentityStore;
import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.Stats;
import dev.caisey.bench.footprint.BenchConsole;
import dev.caisey.bench.footprint.BenchServer;
import dev.caisey.bench.footprint.ChildJvm;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.ProtocolCodec;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relay round trip (issue 12): a technician's console sends {@code command.request} over TLS to a real server in this
 * JVM, which records it (durably) and hands it to a real agent process; the agent runs {@code true} and reports its
 * start and end, which the server records and pushes to the console. Measured from the request leaving the console to
 * the {@code command.finished} event arriving there, one command at a time. Baseline, interleaved round by round: a
 * raw Tyrus echo over TLS on loopback with a message of the request's size ({@link EchoBaseline}). To show where the
 * time goes, the first leg (the request recorded durably and acknowledged) is reported too.
 */
public final class RelayBench {
    /** Goal of issue 12 for the 99th percentile, in milliseconds. */
    public static final double GOAL_P99_MILLIS = 10;

    /** Goal of issue 12: the median at most this many times the echo's. */
    public static final double GOAL_P50_TIMES_BASELINE = 3;

    /** Limit for enrollment and for coming online. */
    static final Duration START_WAIT = Duration.ofSeconds(60);

    /** Limit for one round trip. */
    static final Duration ROUND_TRIP_WAIT = Duration.ofSeconds(30);

    /** The command the agent runs: starts, prints nothing, exits 0. */
    static final String SCRIPT = "true";

    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static final int WARM_UP_DIVISOR = 10;
    private static final double NANOS_PER_MILLI = 1e6;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public RelayBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Starts the server, the agent and the echo, measures, and returns the p50 and p99 figures. */
    public List<Result> run() throws Exception {
        try (Scratch scratch = Scratch.create("caisey-bench-relay");
                BenchServer server = BenchServer.start(scratch.dir().resolve("server"))) {
            Path agentDir = scratch.dir().resolve("agent");
            server.enrollAgent(
                    agentDir, settings.agentJvmOptions(), scratch.dir().resolve("enroll.log"), START_WAIT);
            String endpointId = new IdentityStore(agentDir).load().endpointId();
            try (ChildJvm agent = ChildJvm.start(
                            settings.agentJvmOptions(),
                            AgentCommand.class.getName(),
                            List.of("run", "--data", agentDir.toString()),
                            scratch.dir().resolve("agent.log"));
                    BenchConsole console = server.console();
                    EchoBaseline echo = EchoBaseline.start(scratch.dir().resolve("echo"))) {
                server.awaitOnline(endpointId, START_WAIT, agent);
                String session = console.ask(new SessionOpen(endpointId, "BENCH-RELAY", null), SessionCreated.class)
                        .session();
                console.ask(new SessionSubscribe(session, 0), Ok.class);
                int payloadBytes = ProtocolCodec.encode(Frame.request("b1", request(session, "r-0")))
                        .getBytes(StandardCharsets.UTF_8)
                        .length;
                String payload = "x".repeat(payloadBytes);
                int rounds = settings.relayRoundTrips();
                int warm = Math.max(1, rounds / WARM_UP_DIVISOR);
                List<Double> relay = new ArrayList<>();
                List<Double> recorded = new ArrayList<>();
                List<Double> raw = new ArrayList<>();
                for (int i = 0; i < warm + rounds; i++) {
                    Sample sample = relayOnce(console, session, "r-" + (i + 1), agent);
                    double echoMillis = echo.roundTrip(payload) / NANOS_PER_MILLI;
                    if (i >= warm) {
                        relay.add(sample.endNanos() / NANOS_PER_MILLI);
                        recorded.add(sample.okNanos() / NANOS_PER_MILLI);
                        raw.add(echoMillis);
                    }
                }
                return results(relay, recorded, raw, payloadBytes);
            }
        }
    }

    private static CommandRequest request(String session, String commandId) {
        return new CommandRequest(session, commandId, Shell.SH, SCRIPT, null, COMMAND_TIMEOUT_SECONDS, null, false);
    }

    /** One round trip: from the request to its {@code ok} (recorded durably) and to the command's recorded end. */
    private record Sample(long okNanos, long endNanos) {}

    /** One command from request to its recorded end at the console. */
    private static Sample relayOnce(BenchConsole console, String session, String commandId, ChildJvm agent)
            throws Exception {
        CompletableFuture<Long> arrived = console.commandEnd(commandId).thenApply(e -> System.nanoTime());
        long start = System.nanoTime();
        console.ask(request(session, commandId), Ok.class);
        long ok = System.nanoTime() - start;
        long end;
        try {
            end = arrived.get(ROUND_TRIP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "command " + commandId + " did not end within " + ROUND_TRIP_WAIT.toSeconds() + " s; agent log:\n"
                            + agent.logText(),
                    e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("command " + commandId + " failed", e.getCause());
        }
        Event last = console.commandEnd(commandId).getNow(null);
        if (!(last instanceof CommandFinished finished) || finished.exitCode() != 0) {
            throw new IllegalStateException("command " + commandId + " did not finish cleanly: " + last);
        }
        return new Sample(ok, end - start);
    }

    private static List<Result> results(List<Double> relay, List<Double> recorded, List<Double> raw, int payloadBytes) {
        String name = "relay round trip console → server → agent (`" + SCRIPT + "`) → server → console, durable";
        String baseline = String.format(Locale.ROOT, "raw Tyrus echo over TLS, %d-byte message", payloadBytes);
        double p50 = Stats.percentile(relay, 50);
        double p99 = Stats.percentile(relay, 99);
        double echoP50 = Stats.percentile(raw, 50);
        String count = String.format(Locale.ROOT, " (%,d round trips)", relay.size());
        return List.of(
                Result.of(
                        name + ": p50" + count,
                        p50,
                        "ms",
                        baseline + ": p50",
                        echoP50,
                        "≤ 3× baseline",
                        p50 <= GOAL_P50_TIMES_BASELINE * echoP50),
                Result.of(
                        name + ": p99" + count,
                        p99,
                        "ms",
                        baseline + ": p99",
                        Stats.percentile(raw, 99),
                        "≤ 10 ms",
                        p99 <= GOAL_P99_MILLIS),
                Result.of(
                        "of which console → server until the request is recorded (fsync'd) and acknowledged: p50"
                                + count,
                        Stats.percentile(recorded, 50),
                        "ms",
                        baseline + ": p50",
                        echoP50,
                        Result.NO_GOAL,
                        null));
    }
}
