package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionState;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client core's connection is cut again and again (through a relay that drops every socket at once) while another
 * console keeps writing to a session it follows: it reconnects with backoff, signs in with its token, resumes by seq,
 * and its listener sees every event exactly once, in order, each chained to the one before.
 */
class ReconnectResumeIT {
    private static final int CHATS = 300;
    private static final int CUTS = 4;

    @TempDir
    Path dir;

    @Test
    void resumesAfterEveryCutWithoutGapsOrDuplicates() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5));
                TcpProxy proxy = new TcpProxy(fixture.server().port());
                ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient writer = fixture.console("dana");
                ConsoleClient client = new ConsoleClient(
                        new ServerAddress("127.0.0.1", proxy.port()),
                        Fingerprint.parse(fixture.server().fingerprint()),
                        new ConsoleHome(dir.resolve("config")).knownServers(),
                        FastSettings.FAST)) {
            String session = writer.ask(new SessionOpen(agent.endpointId(), "HD-1", null), SessionCreated.class)
                    .session();
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            List<RecordedEvent> seen = new CopyOnWriteArrayList<>();
            List<String> tokens = new CopyOnWriteArrayList<>();
            client.onState(states::add);
            client.onSignedIn(ok -> tokens.add(ok.token()));
            client.login("dana", ServerFixture.PASSWORD).get(30, TimeUnit.SECONDS);
            SessionFeed feed = client.follow(session, new SessionListener() {
                @Override
                public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
                    seen.addAll(added);
                }
            });

            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < CHATS; i++) {
                    try {
                        writer.ask(new ChatSend(session, "message " + i), Ok.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (int cut = 0; cut < CUTS; cut++) {
                awaitConnected(client, proxy, cut + 1);
                Thread.sleep(150);
                proxy.cutAll();
            }
            writing.get(60, TimeUnit.SECONDS);
            // The last cut's reconnection may come after every event already arrived: wait for it too.
            awaitConnected(client, proxy, CUTS + 1);
            long signedIn = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tokens.size() < CUTS + 1 && System.nanoTime() < signedIn) {
                Thread.sleep(10);
            }
            long head = fixture.heads().get(session);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((seen.isEmpty() || seen.getLast().seq() < head) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(seen.stream().mapToLong(RecordedEvent::seq).toArray())
                    .as("every event once, in order")
                    .containsExactly(LongStream.rangeClosed(1, head).toArray());
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).prev()).isEqualTo(seen.get(i - 1).hash());
            }
            assertThat(feed.snapshot().lastSeq()).isEqualTo(head);
            assertThat(head).isGreaterThan(CHATS);
            assertThat(states)
                    .filteredOn(s -> s instanceof ConnectionState.Reconnecting)
                    .hasSizeGreaterThanOrEqualTo(CUTS)
                    .allSatisfy(s -> assertThat(s.describe()).contains("reconnecting, attempt"));
            assertThat(tokens).as("a sign-in per connection").hasSizeGreaterThanOrEqualTo(CUTS + 1);
            assertThat(proxy.accepted()).isGreaterThanOrEqualTo(CUTS + 1);
            System.out.printf(
                    "%d events, %d cuts, %d connections, %d duplicates dropped, %d gaps mended%n",
                    head, CUTS, proxy.accepted(), feed.duplicates(), feed.gaps());
        }
    }

    private static void awaitConnected(ConsoleClient client, TcpProxy proxy, int connections)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(client.state() instanceof ConnectionState.Connected) || proxy.accepted() < connections) {
            assertThat(System.nanoTime()).as("connected again in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
