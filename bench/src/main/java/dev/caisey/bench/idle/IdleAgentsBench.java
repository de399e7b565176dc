package dev.caisey.bench.idle;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.caisey.agent.connection.LinkSettings;
import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.bench.footprint.ChildJvm;
import dev.caisey.server.tls.TlsMaterial;
import dev.caisey.server.ws.WebSockets;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle agents held by one server (issue 12): a real server alone in a child JVM ({@link IdleServer}) and as many
 * {@link IdleAgent}s in this JVM as the settings ask and the file-descriptor limit allows, each enrolled and signed in
 * for real, then pinging every {@link LinkSettings#HEARTBEAT} like an idle agent. Reported: the connections the server
 * holds, its heap after a full collection (beside the same server's heap before any agent came), the heap per
 * connection, and its CPU over an idle window as a percentage of one core (beside the same server's CPU over a window
 * as long before any agent came). Each window starts after the settling time of the settings, so that the JIT work of
 * the start and of the sign-ins is mostly done.
 */
public final class IdleAgentsBench {
    /** Goal of issue 12: connections held. */
    public static final int GOAL_CONNECTIONS = 20_000;

    /** Goal of issue 12: the server's heap with them, in MB. */
    public static final double GOAL_HEAP_MB = 512;

    /** Goal of issue 12: below this percentage of one core for heartbeats. */
    public static final double GOAL_CPU_PERCENT = 5;

    /** File descriptors left for everything else of a JVM (jars, databases, logs, selectors). */
    static final int DESCRIPTOR_RESERVE = 400;

    /** Agents per loopback source address (each address has its own range of ephemeral ports). */
    static final int AGENTS_PER_SOURCE_ADDRESS = 5_000;

    /** Sign-ins under way at once. */
    static final int SIGN_INS_IN_FLIGHT = 32;

    /** Time allowed per agent to sign in, on top of {@link #CONNECT_BASE}. */
    static final Duration CONNECT_PER_AGENT = Duration.ofMillis(50);

    /** Fixed part of the time allowed for all sign-ins. */
    static final Duration CONNECT_BASE = Duration.ofSeconds(60);

    /** Limits for the child to start and to answer. */
    static final Duration CHILD_WAIT = Duration.ofSeconds(60);

    private static final Pattern READY = Pattern.compile(IdleServer.READY + " port=(\\d+)");
    private static final double BYTES_PER_MB = 1_000_000.0;
    private static final int MAX_REPORTED_FAILURES = 3;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public IdleAgentsBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Starts the server, signs the agents in, measures and returns the four figures. */
    public List<Result> run() throws Exception {
        int target = Math.min(settings.idleAgents(), descriptorRoom());
        try (Scratch scratch = Scratch.create("caisey-bench-idle")) {
            Path data = scratch.dir().resolve("server");
            Path tokensFile = scratch.dir().resolve("tokens");
            try (ChildJvm server = ChildJvm.start(
                    List.of(),
                    IdleServer.class.getName(),
                    List.of(data.toString(), Integer.toString(target), tokensFile.toString()),
                    scratch.dir().resolve("server.log"))) {
                int port = Integer.parseInt(awaitLine(server, READY).group(1));
                ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
                Thread.sleep(settings.settle());
                double emptyCpuPercent = cpuPercent(process, settings.idleWindow());
                ServerState before = state(server, 1);
                var tls = TlsMaterial.loadOrCreate(data, "127.0.0.1", Instant.now());
                URI uri = URI.create("wss://127.0.0.1:" + port + WebSockets.AGENT_PATH);
                List<String> tokens = Files.readAllLines(tokensFile);
                List<IdleAgent> agents = new ArrayList<>();
                List<String> failures = new ArrayList<>();
                ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("idle-heartbeats").daemon().factory());
                try {
                    signIn(target, uri, tokens, TlsMaterial.clientContextTrusting(tls.certificate()), agents, failures);
                    long heartbeatMillis = LinkSettings.HEARTBEAT.toMillis();
                    for (IdleAgent agent : agents) {
                        beats.scheduleAtFixedRate(
                                agent::ping,
                                ThreadLocalRandom.current().nextLong(heartbeatMillis),
                                heartbeatMillis,
                                TimeUnit.MILLISECONDS);
                    }
                    Thread.sleep(settings.settle());
                    long pongsBefore =
                            agents.stream().mapToLong(IdleAgent::pongs).sum();
                    double cpuPercent = cpuPercent(process, settings.idleWindow());
                    long pongs = agents.stream().mapToLong(IdleAgent::pongs).sum() - pongsBefore;
                    beats.shutdownNow();
                    ServerState after = state(server, 2);
                    long open = agents.stream().filter(IdleAgent::isOpen).count();
                    long held = Math.min(open, after.online());
                    return results(target, failures, held, before, after, emptyCpuPercent, cpuPercent, pongs);
                } finally {
                    beats.shutdownNow();
                    agents.forEach(IdleAgent::abort);
                    server.send("quit");
                }
            }
        }
    }

    private void signIn(
            int target,
            URI uri,
            List<String> tokens,
            javax.net.ssl.SSLContext trust,
            List<IdleAgent> agents,
            List<String> failures)
            throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i * AGENTS_PER_SOURCE_ADDRESS < target; i++) {
            clients.add(HttpClient.newBuilder()
                    .sslContext(trust)
                    .localAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (1 + i)}))
                    .connectTimeout(IdleAgent.STEP_WAIT)
                    .build());
        }
        ConcurrentLinkedQueue<IdleAgent> done = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        Semaphore inFlight = new Semaphore(SIGN_INS_IN_FLIGHT);
        AtomicInteger failedCount = new AtomicInteger();
        long deadline = System.nanoTime()
                + CONNECT_BASE.plus(CONNECT_PER_AGENT.multipliedBy(target)).toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < target && System.nanoTime() < deadline; i++) {
                if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                int index = i;
                HttpClient client = clients.get(i / AGENTS_PER_SOURCE_ADDRESS);
                String token = tokens.get(i / dev.caisey.server.auth.Enrollment.MAX_USES_LIMIT);
                workers.submit(() -> {
                    try {
                        done.add(IdleAgent.signIn(client, uri, token, index));
                    } catch (Exception e) {
                        failedCount.incrementAndGet();
                        if (failed.size() < MAX_REPORTED_FAILURES) {
                            failed.add(e.getMessage());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        agents.addAll(done);
        if (failedCount.get() > 0) {
            failures.add(failedCount.get() + " failed, e.g. " + String.join("; ", failed));
        }
        if (agents.size() + failedCount.get() < target) {
            failures.add((target - agents.size() - failedCount.get()) + " not tried within the time limit");
        }
    }

    private List<Result> results(
            int target,
            List<String> failures,
            long held,
            ServerState before,
            ServerState after,
            double emptyCpuPercent,
            double cpuPercent,
            long pongs) {
        String note = "in-process lightweight agents (JDK WebSocket, real enrollment and signed challenge)";
        String tried = String.format(
                Locale.ROOT, "%,d asked, %,d allowed by the descriptor limit", settings.idleAgents(), target);
        if (!failures.isEmpty()) {
            tried += "; " + String.join("; ", failures);
        }
        double heapMb = after.heapBytes() / BYTES_PER_MB;
        // Below the goal's count a low heap or CPU proves nothing ("—"); a high one already misses the goal.
        boolean atScale = held >= GOAL_CONNECTIONS;
        double perConnection = held > 0 ? (after.heapBytes() - before.heapBytes()) / (double) held : Double.NaN;
        return List.of(
                Result.withoutBaseline(
                        "idle agents held by one server, " + note + " (" + tried + ")",
                        held,
                        "connections",
                        "20,000",
                        atScale ? Boolean.TRUE : settings.idleAgents() >= GOAL_CONNECTIONS ? Boolean.FALSE : null),
                Result.of(
                        String.format(Locale.ROOT, "server heap after GC with %,d idle agents", held),
                        heapMb,
                        "MB",
                        "the same server before the agents came",
                        before.heapBytes() / BYTES_PER_MB,
                        "≤ 512 MB with 20,000",
                        heapMb > GOAL_HEAP_MB ? Boolean.FALSE : atScale ? Boolean.TRUE : null),
                Result.withoutBaseline(
                        "server heap per idle agent connection", perConnection, "bytes", Result.NO_GOAL, null),
                Result.of(
                        String.format(
                                Locale.ROOT,
                                "server CPU with %,d idle agents pinging every %d s (%,d pongs in %d s)",
                                held,
                                LinkSettings.HEARTBEAT.toSeconds(),
                                pongs,
                                settings.idleWindow().toSeconds()),
                        cpuPercent,
                        "% of a core",
                        "the same server before the agents came, as long",
                        emptyCpuPercent,
                        "< 5 % of a core with 20,000",
                        cpuPercent >= GOAL_CPU_PERCENT ? Boolean.FALSE : atScale ? Boolean.TRUE : null));
    }

    /** What the server said about itself. */
    private record ServerState(long heapBytes, long online) {}

    private static ServerState state(ChildJvm server, int n) throws InterruptedException {
        server.send("heap " + n);
        Matcher m = awaitLine(server, Pattern.compile(IdleServer.PREFIX + " " + n + " heap=(\\d+) online=(\\d+)"));
        return new ServerState(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    private static Matcher awaitLine(ChildJvm server, Pattern line) throws InterruptedException {
        long deadline = System.nanoTime() + CHILD_WAIT.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher m = line.matcher(server.logText());
            if (m.find()) {
                return m;
            }
            Thread.sleep(Duration.ofMillis(100));
        }
        Matcher m = line.matcher(server.logText());
        if (m.find()) {
            return m;
        }
        throw new IllegalStateException("the idle server did not print " + line + " within " + CHILD_WAIT.toSeconds()
                + " s; its log:\n" + tail(server.logText()));
    }

    private static String tail(String log) {
        return log.length() <= 4_000 ? log : "…" + log.substring(log.length() - 4_000);
    }

    /** The process's CPU time over {@code window}, as a percentage of one core. */
    private static double cpuPercent(ProcessHandle process, Duration window) throws InterruptedException {
        Duration before = cpu(process);
        long start = System.nanoTime();
        Thread.sleep(window);
        return 100.0 * cpu(process).minus(before).toNanos() / (System.nanoTime() - start);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info()
                .totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this system does not report a process's CPU time"));
    }

    /** How many connections both this JVM and the server's (same limit) can hold beside their other files. */
    private static int descriptorRoom() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long room = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - DESCRIPTOR_RESERVE;
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, room));
        }
        return Integer.MAX_VALUE;
    }
}
