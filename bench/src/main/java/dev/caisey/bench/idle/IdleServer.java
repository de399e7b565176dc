package dev.caisey.bench.idle;

import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.server.CaiseyServer;
import dev.caisey.server.auth.Enrollment;
import dev.caisey.server.auth.Organisation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The child JVM of the idle-agents benchmark: a real Caisey server alone in its JVM, so that its heap and CPU are its
 * own. It makes an organisation and enough enrollment tokens for the agents (written to a file, one {@code token} per
 * line), prints {@link #READY} with its port, then answers its parent on standard input: {@code heap N} collects the
 * garbage and prints {@code caisey-bench-idle N heap=BYTES online=AGENTS}; {@code quit} (or the end of the input)
 * stops it. It stops by itself after {@link #MAX_LIFE}.
 */
public final class IdleServer {
    /** The start of every line the parent reads. */
    static final String PREFIX = "caisey-bench-idle";

    /** The line printed once the server listens and the tokens are written, followed by {@code port=P}. */
    static final String READY = PREFIX + " ready";

    /** The organisation of the agents. */
    static final String ORGANISATION = "o-idle";

    /** The longest the child lives if its parent never says {@code quit}. */
    static final Duration MAX_LIFE = Duration.ofMinutes(45);

    /** Collections run before the heap is read (a second one catches what the first one's finalisation freed). */
    static final int GC_ROUNDS = 2;

    private static final Duration TOKEN_VALIDITY = Duration.ofHours(2);
    private static final int SLA_TARGET_MINUTES = 60;
    private static final long GC_PAUSE_MILLIS = 200;

    private IdleServer() {}

    /** {@code IdleServer DATA-DIR AGENTS TOKENS-FILE}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: IdleServer DATA-DIR AGENTS TOKENS-FILE");
            System.exit(2);
        }
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(MAX_LIFE);
            } catch (InterruptedException e) {
                return;
            }
            System.exit(3);
        });
        try (CaiseyServer server = CaiseyServer.start(CaiseyServer.Config.of(Path.of(args[0]), "127.0.0.1", 0))) {
            Files.write(Path.of(args[2]), tokens(server, Integer.parseInt(args[1])), StandardCharsets.UTF_8);
            System.out.println(READY + " port=" + server.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.startsWith("heap ")) {
                    long used = usedHeapAfterGc();
                    System.out.printf(
                            Locale.ROOT,
                            "%s %s heap=%d online=%d%n",
                            PREFIX,
                            line.substring("heap ".length()),
                            used,
                            server.context().agentLinks().onlineEndpoints().size());
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }

    /** Enough tokens of up to {@link Enrollment#MAX_USES_LIMIT} uses each for {@code agents} enrollments. */
    private static List<String> tokens(CaiseyServer server, int agents) {
        Instant now = Instant.now();
        var context = server.context();
        context.organisations()
                .create(
                        new Organisation(
                                ORGANISATION,
                                "Idle Agents Co",
                                ZoneId.of("UTC"),
                                SLA_TARGET_MINUTES,
                                ApprovalPolicy.NONE,
                                false),
                        now);
        List<String> tokens = new ArrayList<>();
        for (int left = agents; left > 0; left -= Enrollment.MAX_USES_LIMIT) {
            int uses = Math.min(left, Enrollment.MAX_USES_LIMIT);
            tokens.add(context.enrollment()
                    .createEnrollmentToken(ORGANISATION, TOKEN_VALIDITY, uses, now)
                    .token());
        }
        return tokens;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(GC_PAUSE_MILLIS);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
