package dev.caisey.server.store;

import static dev.caisey.server.store.Chains.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitterTest {
    private static final int SESSIONS = 50;
    private static final int EVENTS_PER_SESSION = 200;

    @TempDir
    Path dir;

    private Database database;
    private H2EventStore store;

    @BeforeEach
    void open() {
        database = Database.open(dir);
        store = new H2EventStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storesManySessionsSubmittedFromParallelThreadsWithEveryChainIntact() throws Exception {
        long start = System.nanoTime();
        try (GroupCommitter committer = new GroupCommitter(store);
                ExecutorService sequencers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                String session = "s-" + s;
                results.add(sequencers.submit(() -> sequence(committer, session)));
            }
            for (Future<List<Long>> result : results) {
                List<Long> completionOrder = result.get(60, TimeUnit.SECONDS);
                assertThat(completionOrder).isSorted().hasSize(EVENTS_PER_SESSION);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "group commit: %d sessions x %d events in %.2f s = %.0f events/s%n",
                SESSIONS, EVENTS_PER_SESSION, seconds, SESSIONS * EVENTS_PER_SESSION / seconds);

        assertThat(store.sessions()).hasSize(SESSIONS);
        for (int s = 0; s < SESSIONS; s++) {
            String session = "s-" + s;
            List<RecordedEvent> all = Chains.all(store, session);
            assertThat(all).hasSize(EVENTS_PER_SESSION);
            Chains.assertVerifies(session, all);
            assertThat(store.head(session).orElseThrow().seq()).isEqualTo(EVENTS_PER_SESSION);
        }
    }

    /** One session's sequencer: submits its events one to three at a time without waiting, as a live session does. */
    private static List<Long> sequence(GroupCommitter committer, String session) {
        List<Long> completed = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        List<RecordedEvent> events = chain(session, EVENTS_PER_SESSION);
        for (int i = 0; i < events.size(); ) {
            int n = Math.min(1 + i % 3, events.size() - i);
            List<RecordedEvent> part = events.subList(i, i + n);
            futures.add(committer.submit(part, List.of()).thenRun(() -> part.forEach(e -> completed.add(e.seq()))));
            i += n;
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(completed);
    }

    @Test
    void completesFuturesInSubmissionOrder() {
        List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
        List<ChainHead> heads = new ArrayList<>();
        IntStream.range(0, 10).forEach(s -> heads.add(ChainHead.genesis("s-" + s)));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        try (GroupCommitter committer = new GroupCommitter(store)) {
            for (int i = 0; i < 500; i++) {
                int index = i;
                ChainHead head = heads.get(i % 10);
                RecordedEvent e = Chains.extend(head, 1).get(0);
                heads.set(i % 10, head.after(e));
                futures.add(committer.submit(List.of(e), List.of()).thenRun(() -> completed.add(index)));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(completed)
                .containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
    }

    @Test
    void failsOnlyTheSubmissionThatBreaksItsChainWhenBatchedWithOthers() {
        GatedStore gated = new GatedStore(store);
        try (GroupCommitter committer = new GroupCommitter(gated)) {
            CompletableFuture<Void> first = committer.submit(chain("s-first", 1), List.of());
            gated.awaitBlocked();
            CompletableFuture<Void> good = committer.submit(chain("s-good", 3), List.of());
            CompletableFuture<Void> bad = committer.submit(chain("s-bad", 3).subList(1, 3), List.of());
            List<RecordedEvent> after = chain("s-after", 2);
            CompletableFuture<Void> alsoGood = committer.submit(after, List.of(checkpoint(after.get(1))));
            gated.release();

            assertThat(first).succeedsWithin(Duration.ofSeconds(10));
            assertThat(good).succeedsWithin(Duration.ofSeconds(10));
            assertThat(alsoGood).succeedsWithin(Duration.ofSeconds(10));
            assertThatThrownBy(bad::join)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHAIN_BROKEN));
        }
        assertThat(gated.appendSizes).as("the three were tried together first").contains(2 + 3 + 2 + 1);
        assertThat(store.count("s-good")).isEqualTo(3);
        assertThat(store.count("s-after")).isEqualTo(2);
        assertThat(store.checkpoints("s-after")).hasSize(1);
        assertThat(store.head("s-bad")).isEmpty();
    }

    @Test
    void refusesWithRateLimitedWhileTheQueueStaysFull() {
        GatedStore gated = new GatedStore(store);
        try (GroupCommitter committer = new GroupCommitter(gated, 10, Duration.ofMillis(200))) {
            CompletableFuture<Void> inFlight = committer.submit(chain("s-a", 1), List.of());
            gated.awaitBlocked();
            CompletableFuture<Void> queued = committer.submit(chain("s-b", 10), List.of());

            assertThatThrownBy(() -> committer.submit(chain("s-c", 1), List.of()))
                    .isInstanceOfSatisfying(
                            ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
            gated.release();
            assertThat(inFlight).succeedsWithin(Duration.ofSeconds(10));
            assertThat(queued).succeedsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void storesWhatIsQueuedOnCloseAndRefusesLaterSubmissions() {
        GatedStore gated = new GatedStore(store);
        GroupCommitter committer = new GroupCommitter(gated);
        CompletableFuture<Void> first = committer.submit(chain("s-a", 1), List.of());
        gated.awaitBlocked();
        CompletableFuture<Void> queued = committer.submit(chain("s-b", 5), List.of());
        Thread.ofVirtual().start(gated::release);
        committer.close();

        assertThat(first).isCompleted();
        assertThat(queued).isCompleted().isNotCompletedExceptionally();
        assertThat(store.count("s-b")).isEqualTo(5);
        assertThatThrownBy(() -> committer.submit(chain("s-c", 1), List.of()))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL));
    }

    @Test
    void refusesASubmissionLargerThanOneBatch() {
        try (GroupCommitter committer = new GroupCommitter(store)) {
            assertThatThrownBy(() -> committer.submit(chain("s-a", GroupCommitter.MAX_BATCH_EVENTS + 1), List.of()))
                    .isInstanceOfSatisfying(
                            ServerException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));
        }
    }

    private static Checkpoint checkpoint(RecordedEvent e) {
        return new Checkpoint(e.session(), e.seq(), e.hash(), e.at(), "ab".repeat(32), "c2lnbmF0dXJl");
    }

    /** A store whose first append waits until released, so later submissions pile up into one batch. */
    private static final class GatedStore extends ForwardingStore {
        final List<Integer> appendSizes = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        GatedStore(EventStore delegate) {
            super(delegate);
        }

        void awaitBlocked() {
            await(blocked);
        }

        void release() {
            released.countDown();
        }

        @Override
        public void append(List<RecordedEvent> events, List<Checkpoint> checkpoints) {
            appendSizes.add(events.size() + checkpoints.size());
            blocked.countDown();
            await(released);
            super.append(events, checkpoints);
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
