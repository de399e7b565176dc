package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.server.db.Database;
import dev.caisey.server.store.EventStore;
import dev.caisey.server.store.H2EventStore;
import dev.caisey.server.tls.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the whole server: a {@code caisey-server start} child JVM under load ({@link CrashLoad}: several
 * sessions, consoles chatting, an agent streaming command output) is killed with SIGKILL at a random moment, again and
 * again on the same data folder. After every kill the record must hold every event the server acknowledged, each
 * session numbered without gaps, its chain and signed checkpoints verifying as an export; the consoles' live feeds
 * must have had no gap or repeat and must match the store. After every restart the same sessions go on. At the end
 * the sessions are closed, the server killed once more, and every record must verify as a closed, signed one.
 *
 * <p>{@value #CYCLES_PROPERTY} sets the number of kills (default {@value #DEFAULT_CYCLES}; the bench runs more).
 */
class ServerCrashIT {
    static final String CYCLES_PROPERTY = "caisey.crash.cycles";
    static final int DEFAULT_CYCLES = 10;
    private static final int SESSIONS = 4;
    private static final Duration MAX_CYCLE = Duration.ofSeconds(15);
    private static final Duration MAX_SETUP = Duration.ofSeconds(30);
    private static final int MIN_RUN_MILLIS = 200;
    private static final int MAX_RUN_MILLIS = 3_000;
    /** The server signs a checkpoint every this many events (SessionSequencer.CHECKPOINT_EVERY_EVENTS). */
    private static final int CHECKPOINT_EVERY_EVENTS = 100;

    private static final Duration POLL = Duration.ofMillis(20);

    /** Kept when the test fails: the data folder, the copies checked and the servers' logs, for a post-mortem. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ChildServer server;

    @AfterEach
    void killServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void keepsEveryAcknowledgedEventThroughRepeatedKills() throws Exception {
        int cycles = Integer.getInteger(CYCLES_PROPERTY, DEFAULT_CYCLES);
        System.out.println("crash test folder (kept if the test fails): " + dir);
        long testStart = System.nanoTime();
        Path data = dir.resolve("data");
        String token = CrashLoad.prepare(data);
        CrashLoad load = new CrashLoad(SESSIONS);
        long total = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            long start = System.nanoTime();
            server = ChildServer.start(data, dir.resolve("logs"), "server-" + cycle, List.of());
            try (CrashLoad.Life life = load.connect(server, cycle == 1 ? token : null)) {
                life.start(MAX_CYCLE);
                if (cycle == 1) {
                    awaitFirstCheckpoints(load);
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(MIN_RUN_MILLIS, MAX_RUN_MILLIS));
                server.kill();
            }
            // The bound is on the server's part of the cycle (start, load, kill); the check below reads every stored
            // event each time, so it grows with the store and is bounded by the whole run's limit instead.
            Duration served = Duration.ofNanos(System.nanoTime() - start);
            long acknowledged = load.acknowledged() - total;
            total += acknowledged;
            Found found = check(snapshot(data), load, false);
            System.out.printf(
                    "cycle %d: acknowledged %d (total %d), found %d (stored %d events in %d sessions; %d reports resent"
                            + " so far)%n",
                    cycle, acknowledged, total, found.acknowledged(), found.events(), found.sessions(), load.resent());
            assertThat(found.failures()).as("after kill %d", cycle).isEmpty();
            assertThat(found.acknowledged()).isEqualTo(total);
            assertThat(load.problems()).as("on the wire until kill %d", cycle).isEmpty();
            assertThat(served).as("cycle %d", cycle).isLessThan(MAX_CYCLE);
        }
        assertThat(total).as("events acknowledged over all cycles").isPositive();

        server = ChildServer.start(data, dir.resolve("logs"), "server-final", List.of());
        try (CrashLoad.Life life = load.connect(server, null)) {
            life.closeSessions();
            server.kill();
        }
        Found found = check(snapshot(data), load, true);
        System.out.printf(
                "after closing: acknowledged %d, found %d (stored %d events in %d sessions, all closed and signed)%n",
                load.acknowledged(), found.acknowledged(), found.events(), found.sessions());
        assertThat(found.failures()).as("after the sessions were closed").isEmpty();
        assertThat(found.acknowledged()).isEqualTo(load.acknowledged());
        assertThat(load.problems()).as("on the wire").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - testStart))
                .as("the whole test")
                .isLessThan(MAX_SETUP.plus(MAX_CYCLE.multipliedBy(cycles)));
    }

    /** Waits until every session has a signed checkpoint, so that each record can be verified as an export. */
    private static void awaitFirstCheckpoints(CrashLoad load) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_CYCLE.dividedBy(2).toNanos();
        while (load.tracks().stream().anyMatch(t -> t.seenSeq() < CHECKPOINT_EVERY_EVENTS)
                && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * A copy of the data folder as the kill left it, to check without opening (and so recovering) the original: the
     * next server start must recover the crashed files itself.
     */
    private Path snapshot(Path data) throws IOException {
        Path copy = dir.resolve("check");
        Files.createDirectories(copy);
        try (Stream<Path> old = Files.list(copy)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** What the store held after a kill, and what was wrong with it. */
    private record Found(long acknowledged, long events, int sessions, List<String> failures) {}

    /** Opens a copy of the data folder the killed server left and checks every session's record against the load's account. */
    private static Found check(Path data, CrashLoad load, boolean closed) {
        SigningKey key = SigningKeys.loadOrCreate(data);
        RecordVerifier verifier = RecordVerifier.create().trusting(Set.of(key.keyId()));
        List<String> failures = new ArrayList<>();
        long acknowledged = 0;
        long events = 0;
        try (Database database = Database.open(data)) {
            EventStore store = new H2EventStore(database);
            List<String> sessions = store.sessions();
            for (CrashLoad.Track track : load.tracks()) {
                String session = track.session();
                if (!sessions.contains(session)) {
                    failures.add("session " + session + " is not stored");
                    continue;
                }
                List<RecordedEvent> record = all(store, session);
                List<Checkpoint> checkpoints = store.checkpoints(session);
                events += record.size();
                Verification verdict = verifier.verify(
                        ExportCodec.write(RecordExport.of(record, checkpoints, List.of(KeyEntry.of(key.publicKey())))));
                if (!(verdict instanceof Verification.Verified)) {
                    failures.add(session + " does not verify: " + verdict.message());
                }
                if (closed && !(record.getLast().event() instanceof SessionClosed)) {
                    failures.add(session + " does not end with its close");
                }
                List<String> texts = record.stream()
                        .filter(e -> e.event() instanceof ChatMessage)
                        .map(e -> ((ChatMessage) e.event()).text())
                        .toList();
                Set<String> chats = new HashSet<>(texts);
                if (chats.size() != texts.size()) {
                    failures.add(session + " holds a chat message twice");
                }
                Set<String> ids =
                        new HashSet<>(record.stream().map(RecordedEvent::id).toList());
                acknowledged += present(session, "chat", Set.copyOf(track.ackedChats), chats, failures);
                acknowledged += present(session, "agent report", Set.copyOf(track.ackedReports), ids, failures);
                long seen = track.seenSeq();
                if (seen > record.size()
                        || (seen > 0 && !record.get((int) seen - 1).hash().equals(track.seenHash()))) {
                    failures.add(session + ": the console saw event " + seen + " with another hash, or beyond the "
                            + record.size() + " stored");
                }
            }
            if (sessions.size() != load.tracks().size()) {
                failures.add("the store holds " + sessions.size() + " sessions, not "
                        + load.tracks().size());
            }
        }
        return new Found(acknowledged, events, load.tracks().size(), failures);
    }

    private static long present(
            String session, String what, Set<String> acked, Set<String> stored, List<String> failures) {
        List<String> missing =
                acked.stream().filter(a -> !stored.contains(a)).sorted().toList();
        if (!missing.isEmpty()) {
            failures.add(session + " lost " + missing.size() + " acknowledged " + what + "(s), e.g. "
                    + missing.subList(0, Math.min(5, missing.size())));
        }
        return acked.size() - missing.size();
    }

    private static List<RecordedEvent> all(EventStore store, String session) {
        List<RecordedEvent> all = new ArrayList<>();
        List<RecordedEvent> page = store.events(session, 0, EventStore.MAX_PAGE_EVENTS);
        while (!page.isEmpty()) {
            all.addAll(page);
            page = store.events(session, page.getLast().seq(), EventStore.MAX_PAGE_EVENTS);
        }
        return all;
    }
}
