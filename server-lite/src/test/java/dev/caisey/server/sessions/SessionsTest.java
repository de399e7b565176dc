package dev.caisey.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.export.KeyEntry;
import dev.caisey.record.export.RecordExport;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.server.ServerException;
import dev.caisey.server.db.Database;
import dev.caisey.server.store.GroupCommitter;
import dev.caisey.server.store.H2EventStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
    private static final Actor TECHNICIAN = new Actor(Role.TECHNICIAN, "u-dana", "Dana Whitfield");
    private static final Actor CLIENT = new Actor(Role.CLIENT, "c-maria", "Maria Lopez");
    private static final SigningKey KEY = SigningKey.generate();

    @TempDir
    Path dir;

    private Database database;
    private H2EventStore store;
    private GroupCommitter committer;
    private Sessions sessions;

    @BeforeEach
    void start() {
        database = Database.open(dir);
        store = new H2EventStore(database);
        committer = new GroupCommitter(store);
        sessions = new Sessions(store, committer, KEY, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        committer.close();
        database.close();
    }

    private static List<Draft> opening(SessionState state) {
        assertThat(state).isNull();
        return List.of(Draft.of(
                TECHNICIAN,
                new SessionOpened(
                        new Endpoint("e-1", "PRN-ACCT-01", "Windows 11"),
                        new Organisation("o-1", "Harbor", "America/New_York", 240L, ApprovalPolicy.RISKY),
                        "HD-1",
                        null)));
    }

    private String open() throws Exception {
        return sessions.open(SessionsTest::opening)
                .get(10, TimeUnit.SECONDS)
                .state()
                .session();
    }

    @Test
    void concurrentAppendsToOneSessionFormOneGapFreeChainDeliveredInOrder() throws Exception {
        String session = open();
        List<RecordedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        sessions.subscribe(session, 0, (events, checkpoints) -> delivered.addAll(events));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Appended>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String text = "message " + i;
            futures.add(CompletableFuture.supplyAsync(
                            () -> sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage(text)))), pool)
                    .thenCompose(f -> f));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(delivered).extracting(RecordedEvent::seq).containsExactlyElementsOf(seqs(1, 401));
        assertThat(store.events(session, 0, 1_000)).containsExactlyElementsOf(delivered);
    }

    @Test
    void aSubscriberResumingMidStreamGetsEveryLaterEventOnceWhileAppendsContinue() throws Exception {
        String session = open();
        for (int i = 0; i < 150; i++) {
            sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("before"))))
                    .get(10, TimeUnit.SECONDS);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 300; i++) {
                sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("during"))))
                        .join();
            }
        });
        List<RecordedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
        sessions.subscribe(session, 40, (events, checkpoints) -> delivered.addAll(events));
        writer.get(30, TimeUnit.SECONDS);

        assertThat(delivered).extracting(RecordedEvent::seq).containsExactlyElementsOf(seqs(41, 451));
    }

    @Test
    void signsACheckpointEveryHundredEventsAndOnCloseAndTheExportVerifies() throws Exception {
        String session = open();
        List<Checkpoint> delivered = Collections.synchronizedList(new ArrayList<>());
        sessions.subscribe(session, 0, (events, checkpoints) -> delivered.addAll(checkpoints));
        for (int i = 0; i < 249; i++) {
            sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("hi"))))
                    .get(10, TimeUnit.SECONDS);
        }
        sessions.append(session, s -> List.of(Draft.of(TECHNICIAN, new SessionClosed("Fixed.", Outcome.RESOLVED))))
                .get(10, TimeUnit.SECONDS);

        assertThat(store.checkpoints(session)).extracting(Checkpoint::seq).containsExactly(100L, 200L, 251L);
        assertThat(delivered).containsExactlyElementsOf(store.checkpoints(session));
        RecordExport export = RecordExport.of(
                store.events(session, 0, 1_000), store.checkpoints(session), List.of(KeyEntry.of(KEY.publicKey())));
        assertThat(RecordVerifier.create().verify(dev.caisey.record.export.ExportCodec.write(export)))
                .isInstanceOf(Verification.Verified.class);
    }

    @Test
    void aClosedSessionRefusesEverythingAndChangesNothing() throws Exception {
        String session = open();
        sessions.append(session, s -> List.of(Draft.of(TECHNICIAN, new SessionClosed("Done.", Outcome.RESOLVED))))
                .get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("hello?")))))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("This session is closed")
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(store.count(session)).isEqualTo(2);
    }

    @Test
    void aRefusalInsideTheDecisionAppendsNothing() throws Exception {
        String session = open();

        assertThatThrownBy(() -> sessions.append(session, s -> {
                    throw new ServerException(ErrorCode.FORBIDDEN, "no");
                }))
                .isInstanceOf(ServerException.class);
        sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("still fine"))))
                .get(10, TimeUnit.SECONDS);

        assertThat(store.events(session, 0, 10)).extracting(RecordedEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void anUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> sessions.state("s-nope"))
                .isInstanceOf(ServerException.class)
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void afterARestartTheStateIsReplayedAndTheChainContinues() throws Exception {
        String session = open();
        sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("one"))))
                .get(10, TimeUnit.SECONDS);
        stop();
        start();

        SessionState state = sessions.state(session);
        sessions.append(session, s -> List.of(Draft.of(CLIENT, new ChatMessage("two"))))
                .get(10, TimeUnit.SECONDS);

        assertThat(state.lastSeq()).isEqualTo(2);
        assertThat(state.endpoint().name()).isEqualTo("PRN-ACCT-01");
        assertThat(store.events(session, 0, 10)).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L);
    }

    private static List<Long> seqs(long from, long toInclusive) {
        List<Long> list = new ArrayList<>();
        for (long s = from; s <= toInclusive; s++) {
            list.add(s);
        }
        return list;
    }
}
