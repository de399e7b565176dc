package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.session.CommandPhase;
import dev.caisey.console.session.CommandView;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.EndpointInfo;
import dev.caisey.record.protocol.Ok;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop console will stand on, against a real server and a real agent process: live presence, command
 * cards that move through their phases (approval asked and granted, running, cancelled, finished), an approval asked
 * for nothing in particular, and snapshots delivered off the caller's thread.
 */
class LiveSessionIT {
    @TempDir
    Path dir;

    @Test
    void commandCardsFollowTheRecordAndPresenceFollowsTheAgent() throws Exception {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            String endpoint = h.startAgent();
            try (ConsoleClient client = new ConsoleClient(
                    new ServerAddress("127.0.0.1", h.fixture.server().port()),
                    Fingerprint.parse(h.fingerprint()),
                    h.home().knownServers(),
                    ConnectionSettings.standard())) {
                List<List<EndpointInfo>> presence = new CopyOnWriteArrayList<>();
                client.endpoints().onChange(presence::add);
                client.login("dana", ServerFixture.PASSWORD).get(30, TimeUnit.SECONDS);
                List<EndpointInfo> listed = client.endpoints().refresh().get(30, TimeUnit.SECONDS);
                assertThat(listed)
                        .singleElement()
                        .satisfies(e -> assertThat(e.online()).isTrue());

                String session = client.openSession(endpoint, "HD-9", Instant.parse("2026-11-25T09:00:00Z"))
                        .get(30, TimeUnit.SECONDS);
                AtomicReference<SessionSnapshot> latest = new AtomicReference<>();
                AtomicReference<Thread> deliveredOn = new AtomicReference<>();
                SessionFeed feed = client.follow(session, new SessionListener() {
                    @Override
                    public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
                        deliveredOn.set(Thread.currentThread());
                        latest.set(snapshot);
                    }
                });

                client.runCommand(session, "c-long", Shell.SH, "echo begin; sleep 300", null, false)
                        .get(30, TimeUnit.SECONDS);
                await(
                        latest,
                        s -> phase(s, "c-long") == CommandPhase.RUNNING
                                && s.command("c-long").outputChars() > 0);
                client.cancel(session, "c-long").get(30, TimeUnit.SECONDS);
                await(latest, s -> phase(s, "c-long") == CommandPhase.CANCELLED);

                ClientInvited invited = client.invite(session).get(30, TimeUnit.SECONDS);
                try (WireClient page = h.fixture.connect(WebSockets.CLIENT_PATH)) {
                    page.ask(new ClientJoin(invited.code(), "Maria Lopez"), ClientJoined.class);
                    client.runCommand(session, "c-asked", Shell.SH, "echo checked", "Look at the queue", true)
                            .get(30, TimeUnit.SECONDS);
                    SessionSnapshot waiting = await(latest, s -> phase(s, "c-asked") == CommandPhase.AWAITING_APPROVAL);
                    String approvalId = waiting.approvalCommands().entrySet().stream()
                            .filter(e -> e.getValue().equals("c-asked"))
                            .findFirst()
                            .orElseThrow()
                            .getKey();
                    page.ask(new ApprovalAnswer(session, approvalId, true, null), Ok.class);
                    SessionSnapshot done = await(latest, s -> phase(s, "c-asked") == CommandPhase.FINISHED);
                    CommandView card = done.command("c-asked");
                    assertThat(card.exitCode()).isZero();
                    assertThat(card.answeredBy()).isEqualTo("Maria Lopez");
                    assertThat(card.approvalPrompt()).isNotBlank();

                    client.askApproval(session, null, "May I restart the computer tonight?", null)
                            .get(30, TimeUnit.SECONDS);
                    await(
                            latest,
                            s -> s.events().getLast().event() instanceof ApprovalRequested a
                                    && a.commandId() == null
                                    && a.prompt().equals("May I restart the computer tonight?"));
                }
                assertThat(deliveredOn.get()).isNotEqualTo(Thread.currentThread());
                assertThat(feed.snapshot()).isSameAs(latest.get());
                assertThat(feed.snapshot().opened().ticket()).isEqualTo("HD-9");

                h.stopAgent();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (client.endpoints().snapshot().getFirst().online() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                EndpointInfo gone = client.endpoints().snapshot().getFirst();
                assertThat(gone.online())
                        .as("presence pushed when the agent went away")
                        .isFalse();
                assertThat(gone.lastSeenAt()).isNotNull();
                assertThat(presence.getLast()).isEqualTo(client.endpoints().snapshot());
            }
        }
    }

    private static CommandPhase phase(SessionSnapshot s, String commandId) {
        CommandView card = s == null ? null : s.command(commandId);
        return card == null ? null : card.phase();
    }

    private static SessionSnapshot await(AtomicReference<SessionSnapshot> latest, Predicate<SessionSnapshot> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + ConsoleHarness.WAIT.toNanos();
        while (true) {
            SessionSnapshot s = latest.get();
            if (s != null && done.test(s)) {
                return s;
            }
            assertThat(System.nanoTime())
                    .as("the session got there in time; now %s", s)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
