package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.MirrorSync;
import dev.caisey.console.mirror.MirroredSession;
import dev.caisey.console.mirror.Refusal;
import dev.caisey.console.mirror.SyncProgress;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror against a real server, through a relay that can cut every connection: a sync cut in the middle goes on
 * from the last stored page without gaps or duplicates; open sessions grow by exactly what was added; closed sessions'
 * signed reports are kept; the mirrored record exports and verifies; and an event changed in the server's own database
 * is refused with words, leaving the mirror with the verified events before it.
 */
class MirrorSyncIT {
    private static final int PAGE_EVENTS = 25;

    @TempDir
    Path dir;

    @Test
    void syncsResumesAfterACutAndRefusesATamperedEvent() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5));
                TcpProxy proxy = new TcpProxy(fixture.server().port());
                ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                ConsoleClient client = new ConsoleClient(
                        new ServerAddress("127.0.0.1", proxy.port()),
                        Fingerprint.parse(fixture.server().fingerprint()),
                        new ConsoleHome(dir.resolve("config")).knownServers(),
                        FastSettings.FAST);
                Mirror mirror = Mirror.open(dir.resolve("mirror"))) {
            String closed = session(dana, agent, 120);
            dana.ask(new SessionClose(closed, "Restarted the spooler.", Outcome.RESOLVED), Ok.class);
            String open = session(dana, agent, 30);
            client.login("dana", ServerFixture.PASSWORD).get(30, TimeUnit.SECONDS);

            List<SyncProgress> told = new CopyOnWriteArrayList<>();
            AtomicBoolean cut = new AtomicBoolean();
            List<RecordedEvent> stored = new CopyOnWriteArrayList<>();
            mirror.onStored(s -> stored.addAll(s.events()));
            try (MirrorSync sync = new MirrorSync(
                    mirror,
                    client,
                    p -> {
                        told.add(p);
                        if (p.eventsDone() >= 2 * PAGE_EVENTS && cut.compareAndSet(false, true)) {
                            proxy.down();
                        }
                    },
                    PAGE_EVENTS)) {
                SyncProgress first = sync.once().get(60, TimeUnit.SECONDS);
                assertThat(first.problem()).as("the cut stops the round").isNotNull();
                long heldAfterCut = mirror.lastSeq(closed) + mirror.lastSeq(open);
                assertThat(heldAfterCut)
                        .isPositive()
                        .isLessThan(
                                fixture.heads().get(closed) + fixture.heads().get(open));

                proxy.up();
                awaitConnected(client);
                SyncProgress second = sync.once().get(60, TimeUnit.SECONDS);
                assertThat(second.problem()).as(second.describe()).isNull();
                assertThat(second.eventsDone()).isEqualTo(second.eventsTotal());
                assertThat(mirror.lastSeq(closed)).isEqualTo(fixture.heads().get(closed));
                assertThat(mirror.lastSeq(open)).isEqualTo(fixture.heads().get(open));
                assertThat(stored.stream()
                                .filter(e -> e.session().equals(closed))
                                .mapToLong(RecordedEvent::seq)
                                .toArray())
                        .as("every event stored once, in order")
                        .containsExactly(
                                LongStream.rangeClosed(1, fixture.heads().get(closed))
                                        .toArray());
                assertThat(told).allSatisfy(p -> assertThat(p.eventsDone()).isLessThanOrEqualTo(p.eventsTotal()));

                Verification verified = RecordVerifier.create().verify(ExportCodec.write(mirror.export(closed)));
                assertThat(verified).as(verified.message()).isInstanceOf(Verification.Verified.class);
                assertThat(((Verification.Verified) verified).export().events())
                        .hasSize(fixture.heads().get(closed).intValue());
                byte[] pdf = mirror.report(closed).orElseThrow();
                assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII))
                        .isEqualTo("%PDF-");
                assertThat(mirror.report(open)).isEmpty();
                MirroredSession held = mirror.session(closed).orElseThrow();
                assertThat(held.milestones().outcome()).isEqualTo(Outcome.RESOLVED);
                assertThat(held.fullySigned()).isTrue();
                assertThat(held.endpointName()).isEqualTo("PRN-ACCT-01");

                chats(dana, open, 5);
                long before = mirror.lastSeq(open);
                SyncProgress third = sync.once().get(60, TimeUnit.SECONDS);
                assertThat(third.eventsDone()).isEqualTo(5);
                assertThat(mirror.lastSeq(open)).isEqualTo(before + 5);

                String tampered = session(dana, agent, 40);
                long changed = 30;
                try (Connection c = fixture.server().database().connection();
                        PreparedStatement s = c.prepareStatement(
                                "UPDATE events SET body = REGEXP_REPLACE(body, 'message [0-9]+', 'message forged')"
                                        + " WHERE session = ? AND seq = ?")) {
                    s.setString(1, tampered);
                    s.setLong(2, changed);
                    assertThat(s.executeUpdate()).isEqualTo(1);
                }
                try (Connection c = fixture.server().database().connection();
                        PreparedStatement s = c.prepareStatement(
                                "SELECT COUNT(*) FROM events WHERE session = ? AND body LIKE '%message forged%'")) {
                    s.setString(1, tampered);
                    try (var r = s.executeQuery()) {
                        assertThat(r.next() && r.getLong(1) == 1)
                                .as("the server's copy was changed")
                                .isTrue();
                    }
                }
                SyncProgress fourth = sync.once().get(60, TimeUnit.SECONDS);
                assertThat(fourth.refusals()).hasSize(1);
                Refusal refusal = fourth.refusals().getFirst();
                assertThat(refusal.session()).isEqualTo(tampered);
                assertThat(refusal.seq()).isEqualTo(changed);
                assertThat(refusal.sentence()).contains("does not match its own hash");
                assertThat(mirror.lastSeq(tampered)).isEqualTo(PAGE_EVENTS);
                sync.once().get(60, TimeUnit.SECONDS);
                assertThat(mirror.refusals()).as("kept once").containsExactly(refusal);
                assertThat(mirror.lastSeq(tampered)).isEqualTo(PAGE_EVENTS);
            }
        }
    }

    private static String session(WireClient dana, ServerFixture.Agent agent, int chats) throws Exception {
        String session = dana.ask(new SessionOpen(agent.endpointId(), "HD-7", null), SessionCreated.class)
                .session();
        chats(dana, session, chats);
        return session;
    }

    private static void chats(WireClient dana, String session, int chats) throws Exception {
        for (int i = 0; i < chats; i++) {
            dana.ask(new ChatSend(session, "message " + i), Ok.class);
        }
    }

    private static void awaitConnected(ConsoleClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(client.state() instanceof ConnectionState.Connected)) {
            assertThat(System.nanoTime()).as("connected again in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
