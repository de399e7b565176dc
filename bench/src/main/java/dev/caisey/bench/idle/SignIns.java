package dev.caisey.bench.idle;

import dev.caisey.server.auth.Enrollment;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Signs many {@link IdleAgent}s in, {@link #SIGN_INS_IN_FLIGHT} at a time on virtual threads, within a time limit that
 * grows with their number. The agents take loopback source addresses in turn (127.0.0.1, .2, …), one shared
 * {@link HttpClient} per address, so that no address runs out of ephemeral ports.
 *
 * @param agents the agents signed in
 * @param failures what went wrong, in words (empty if every agent signed in)
 */
record SignIns(List<IdleAgent> agents, List<String> failures) {
    /** Most agents per loopback source address (each has its own range of ephemeral ports). */
    static final int AGENTS_PER_SOURCE_ADDRESS = 5_000;

    /** Sign-ins under way at once. */
    static final int SIGN_INS_IN_FLIGHT = 32;

    /** Time allowed per agent to sign in, on top of {@link #CONNECT_BASE}. */
    static final Duration CONNECT_PER_AGENT = Duration.ofMillis(50);

    /** Fixed part of the time allowed for all sign-ins. */
    static final Duration CONNECT_BASE = Duration.ofSeconds(60);

    private static final int MAX_REPORTED_FAILURES = 3;

    /** Copies the lists. */
    SignIns {
        agents = List.copyOf(agents);
        failures = List.copyOf(failures);
    }

    /** Signs {@code target} agents in to {@code uri}, agent {@code i} with token {@code i / MAX_USES_LIMIT}. */
    static SignIns run(int target, URI uri, List<String> tokens, SSLContext trust) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        // At least two source addresses, so that even a small run goes through the same path as a large one.
        int addresses = Math.max(2, (target + AGENTS_PER_SOURCE_ADDRESS - 1) / AGENTS_PER_SOURCE_ADDRESS);
        for (int i = 0; i < addresses; i++) {
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
                HttpClient client = clients.get(i % addresses);
                String token = tokens.get(i / Enrollment.MAX_USES_LIMIT);
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
        List<IdleAgent> agents = new ArrayList<>(done);
        List<String> failures = new ArrayList<>();
        if (failedCount.get() > 0) {
            failures.add(failedCount.get() + " failed, e.g. " + String.join("; ", failed));
        }
        if (agents.size() + failedCount.get() < target) {
            failures.add((target - agents.size() - failedCount.get()) + " not tried within the time limit");
        }
        return new SignIns(agents, failures);
    }
}
