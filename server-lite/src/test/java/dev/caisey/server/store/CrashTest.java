package dev.caisey.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM ({@link CrashWriter}) with SIGKILL again and again, and checks after each kill that every
 * event it acknowledged is stored, without gaps, with every chain intact.
 */
class CrashTest {
    private static final int CYCLES = 5;
    private static final int SESSIONS = 6;
    private static final Duration MAX_CYCLE = Duration.ofSeconds(10);
    private static final Duration READY_WAIT = Duration.ofSeconds(6);
    private static final int MIN_RUN_MILLIS = 500;
    private static final int MAX_RUN_MILLIS = 2_500;

    @TempDir
    Path dir;

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    @Test
    void keepsEveryAcknowledgedEventThroughRepeatedKills() throws Exception {
        long total = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            long start = System.nanoTime();
            long acked = runAndKill(cycle);
            total += acked;
            long found = verify();
            System.out.printf("crash cycle %d: acknowledged %d (%d in all), found %d%n", cycle, acked, total, found);
            assertThat(found).isGreaterThanOrEqualTo(total);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(MAX_CYCLE);
        }
        assertThat(total).as("events acknowledged over all cycles").isPositive();
    }

    /** Runs the child for a random short time, kills it and returns how many events it acknowledged. */
    private long runAndKill(int cycle) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("child-" + cycle + ".out");
        Path err = dir.resolve("child-" + cycle + ".err");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        dir.resolve("data").toString(),
                        Integer.toString(SESSIONS))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + READY_WAIT.toNanos();
            while (!Files.readString(out).startsWith("ready") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(out))
                    .as("child output of cycle %d; its errors: %s", cycle, Files.readString(err))
                    .startsWith("ready");
            Thread.sleep(ThreadLocalRandom.current().nextInt(MIN_RUN_MILLIS, MAX_RUN_MILLIS));
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            assertThat(child.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
        // The child printed each line with one write() after the event was durable; a kill cannot split a write.
        long acks = 0;
        for (String line : Files.readAllLines(out)) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("ack")) {
                acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                acks++;
            }
        }
        return acks;
    }

    /** Opens the database the child left and checks it; returns how many events it holds. */
    private long verify() {
        try (Database database = Database.open(dir.resolve("data"))) {
            H2EventStore store = new H2EventStore(database);
            long found = 0;
            for (String session : store.sessions()) {
                List<RecordedEvent> all = Chains.all(store, session);
                Chains.assertVerifies(session, all);
                assertThat(store.count(session)).isEqualTo(all.size());
                assertThat(store.head(session).orElseThrow().seq()).isEqualTo(all.size());
                found += all.size();
            }
            acknowledged.forEach((session, seq) -> assertThat(store.count(session))
                    .as("events of %s kept after the kill", session)
                    .isGreaterThanOrEqualTo(seq));
            return found;
        }
    }
}
