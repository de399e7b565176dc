package dev.caisey.bench.idle;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.caisey.agent.connection.LinkSettings;
import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.bench.Scratch;
import dev.caisey.server.tls.TlsMaterial;
import dev.caisey.server.ws.WebSockets;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Idle agents held by one server (issue 12): a real server alone in a child JVM ({@link IdleServer}) and as many
 * {@link IdleAgent}s in this JVM as the settings ask and the file-descriptor limit allows, each enrolled and signed in
 * for real, then pinging every {@link LinkSettings#HEARTBEAT} like an idle agent. Reported: the connections the server
 * holds, its heap after a full collection (beside the same server's heap before any agent came), the heap per
 * connection, and its CPU over an idle window as a percentage of one core (beside the same server's CPU over a window
 * as long before any agent came). Each window starts after a pause as long as itself, so that the JIT work of the
 * start and of the sign-ins is mostly done.
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

    private static final double BYTES_PER_MB = 1_000_000.0;

    private final BenchSettings settings;

    /** A benchmark sized by {@code settings}. */
    public IdleAgentsBench(BenchSettings settings) {
        this.settings = settings;
    }

    /** Starts the server, signs the agents in, measures and returns the four figures. */
    public List<Result> run() throws Exception {
        int target = Math.min(settings.idleAgents(), descriptorRoom());
        Duration window = settings.idleWindow();
        try (Scratch scratch = Scratch.create("caisey-bench-idle")) {
            Path data = scratch.dir().resolve("server");
            Path tokensFile = scratch.dir().resolve("tokens");
            try (IdleServerChild server = IdleServerChild.start(
                    data, target, tokensFile, scratch.dir().resolve("server.log"))) {
                Thread.sleep(window); // let the start's JIT work settle
                double emptyCpuPercent = server.cpuPercent(window);
                IdleServerChild.State before = server.state();
                var tls = TlsMaterial.loadOrCreate(data, "127.0.0.1", Instant.now());
                URI uri = URI.create("wss://127.0.0.1:" + server.port() + WebSockets.AGENT_PATH);
                SignIns signIns = SignIns.run(
                        target,
                        uri,
                        Files.readAllLines(tokensFile),
                        TlsMaterial.clientContextTrusting(tls.certificate()));
                List<IdleAgent> agents = signIns.agents();
                ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().name("idle-heartbeats").daemon().factory());
                try {
                    long heartbeatMillis = LinkSettings.HEARTBEAT.toMillis();
                    for (IdleAgent agent : agents) {
                        beats.scheduleAtFixedRate(
                                agent::ping,
                                ThreadLocalRandom.current().nextLong(heartbeatMillis),
                                heartbeatMillis,
                                TimeUnit.MILLISECONDS);
                    }
                    Thread.sleep(window); // let the sign-ins' JIT work settle
                    long pongsBefore =
                            agents.stream().mapToLong(IdleAgent::pongs).sum();
                    double cpuPercent = server.cpuPercent(window);
                    long pongs = agents.stream().mapToLong(IdleAgent::pongs).sum() - pongsBefore;
                    beats.shutdownNow();
                    IdleServerChild.State after = server.state();
                    long open = agents.stream().filter(IdleAgent::isOpen).count();
                    long held = Math.min(open, after.online());
                    return results(target, signIns.failures(), held, before, after, emptyCpuPercent, cpuPercent, pongs);
                } finally {
                    beats.shutdownNow();
                    agents.forEach(IdleAgent::abort);
                }
            }
        }
    }

    private List<Result> results(
            int target,
            List<String> failures,
            long held,
            IdleServerChild.State before,
            IdleServerChild.State after,
            double emptyCpuPercent,
            double cpuPercent,
            long pongs) {
        String note = "in-process lightweight agents (JDK WebSocket, real enrollment and signed challenge)";
        String tried = target < settings.idleAgents()
                ? String.format(
                        Locale.ROOT,
                        "%,d asked, %,d allowed by the file-descriptor limit",
                        settings.idleAgents(),
                        target)
                : String.format(Locale.ROOT, "%,d asked", target);
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

    /** How many connections both this JVM and the server's (same limit) can hold beside their other files. */
    private static int descriptorRoom() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long room = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - DESCRIPTOR_RESERVE;
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, room));
        }
        return Integer.MAX_VALUE;
    }
}
