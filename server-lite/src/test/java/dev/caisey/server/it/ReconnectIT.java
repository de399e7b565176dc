package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.protocol.AgentAck;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.EndpointPresence;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Resume;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconnect guarantees over real connections: a console resumes by {@code seq} without gaps or duplicates while
 * others keep writing; an agent that drops is recorded leaving and rejoining and gets back the commands it had not
 * started; consoles see its presence change.
 */
class ReconnectIT {
    private static final int CHATS = 300;

    @TempDir
    Path dir;

    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start(dir, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aConsoleThatResumesAfterItsLastSeqGetsEveryLaterEventOnceInOrder() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient writer = fixture.console("dana")) {
            String session = Steps.openSession(writer, agent);
            WireClient follower = fixture.connect(WebSockets.CONSOLE_PATH);
            String token = follower.ask(new Login("dana", ServerFixture.PASSWORD), LoginOk.class)
                    .token();
            follower.ask(new SessionSubscribe(session, 0), Ok.class);

            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> chatAway(writer, session));
            List<RecordedEvent> seen = new ArrayList<>();
            while (seen.isEmpty() || seen.getLast().seq() < 40) {
                seen.add(follower.awaitBody(EventPush.class).event());
            }
            follower.close();
            long last = seen.getLast().seq();
            awaitHeadBeyond(session, last + 10, writing);

            try (WireClient resumed = fixture.connect(WebSockets.CONSOLE_PATH)) {
                resumed.ask(new Resume(token), LoginOk.class);
                resumed.ask(new SessionSubscribe(session, last), Ok.class);
                writing.get(WireClient.WAIT.toSeconds() * 3, TimeUnit.SECONDS);
                long head = fixture.heads().get(session);
                assertThat(head).isEqualTo(3 + CHATS);
                seen.addAll(Steps.eventsUntil(resumed, head));
                Steps.roundTrip(resumed);
                seen.addAll(Steps.receivedEvents(resumed));
            }

            assertThat(seen)
                    .extracting(RecordedEvent::seq)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 3 + CHATS).boxed().toList());
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).prev()).isEqualTo(seen.get(i - 1).hash());
            }
        }
    }

    @Test
    void anAgentThatDropsIsRecordedLeavingAndRejoiningAndGetsItsPendingCommandsAgain() throws Exception {
        ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
        try (WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            dana.ask(new SessionSubscribe(session, 0), Ok.class);
            try (WireClient page = Steps.joinedPage(fixture, dana, session)) {
                Steps.request(dana, session, "c-1", "Get-Service Spooler");
                assertThat(agent.wire().awaitBody(CommandRun.class).commandId()).isEqualTo("c-1");

                agent.close();
                RecordedEvent left = awaitEvent(dana, e -> e.event() instanceof ParticipantLeft);
                assertThat(left.actor().role()).isEqualTo(Role.AGENT);
                assertThat(left.actor().id()).isEqualTo(agent.agentId());
                assertThat(dana.awaitBody(EndpointPresence.class).online()).isFalse();

                dana.ask(Steps.command(session, "c-2", "Restart-Service Spooler", "Restart the spooler"), Ok.class);
                page.ask(new ApprovalAnswer(session, "apr-c-2", true, null), Ok.class);
                awaitEvent(dana, e -> e.event() instanceof ApprovalGranted);

                try (ServerFixture.Agent back = Steps.reconnect(fixture, agent, "PRN-ACCT-01")) {
                    RecordedEvent joined =
                            awaitEvent(dana, e -> e.event() instanceof ParticipantJoined && e.seq() > left.seq());
                    assertThat(joined.actor().id()).isEqualTo(agent.agentId());
                    assertThat(joined.seq()).isGreaterThan(left.seq());
                    assertThat(dana.awaitBody(EndpointPresence.class).online()).isTrue();

                    Set<String> resent = Set.of(
                            back.wire().awaitBody(CommandRun.class).commandId(),
                            back.wire().awaitBody(CommandRun.class).commandId());
                    assertThat(resent).containsExactlyInAnyOrder("c-1", "c-2");

                    back.wire()
                            .ask(new AgentReport(session, "ev-1", 1, new CommandStarted("c-1", 7412L)), AgentAck.class);
                    assertThat(awaitEvent(dana, e -> e.event() instanceof CommandStarted)
                                    .actor()
                                    .role())
                            .isEqualTo(Role.AGENT);
                }
            }
        }
    }

    @Test
    void signedInConsolesOfTheOrganisationSeeTheAgentGoOfflineAndComeBack() throws Exception {
        try (WireClient dana = fixture.console("dana");
                WireClient sam = fixture.console("sam")) {
            ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
            assertThat(presence(dana, agent)).isTrue();
            agent.close();
            assertThat(presence(dana, agent)).isFalse();
            try (ServerFixture.Agent back = Steps.reconnect(fixture, agent, "PRN-ACCT-01")) {
                assertThat(presence(dana, back)).isTrue();
                assertThat(fixture.server().context().agentLinks().online(agent.endpointId()))
                        .isTrue();
            }
            Steps.roundTrip(sam);
            assertThat(sam.drain()).noneMatch(f -> f.body() instanceof EndpointPresence);
        }
    }

    private static boolean presence(WireClient console, ServerFixture.Agent agent) throws InterruptedException {
        EndpointPresence change = (EndpointPresence) console.await(f ->
                        f.body() instanceof EndpointPresence p && p.endpointId().equals(agent.endpointId()))
                .body();
        return change.online();
    }

    private static RecordedEvent awaitEvent(WireClient console, Predicate<RecordedEvent> match)
            throws InterruptedException {
        return ((EventPush) console.await(f -> f.body() instanceof EventPush push && match.test(push.event()))
                        .body())
                .event();
    }

    private static void chatAway(WireClient writer, String session) {
        try {
            for (int i = 0; i < CHATS; i++) {
                writer.ask(new ChatSend(session, "message " + i), Ok.class);
            }
        } catch (Exception e) {
            throw new AssertionError("the writer was refused", e);
        }
    }

    /** Waits until the session has more than {@code seq} events, so some are appended while nobody listens. */
    private void awaitHeadBeyond(String session, long seq, CompletableFuture<Void> writing)
            throws InterruptedException {
        long deadline = System.nanoTime() + WireClient.WAIT.toNanos();
        while (fixture.heads().get(session) <= seq && !writing.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(fixture.heads().get(session)).isGreaterThan(seq);
    }
}
