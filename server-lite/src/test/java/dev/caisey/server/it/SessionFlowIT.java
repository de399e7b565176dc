package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.AgentAck;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ClientInvite;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.Endpoints;
import dev.caisey.record.protocol.EndpointsList;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.record.protocol.SessionsList;
import dev.caisey.record.protocol.SessionsPage;
import dev.caisey.server.ws.WebSockets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printer-spooler story end to end over real TLS WebSockets: console, agent and client page. */
class SessionFlowIT {
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
    void aRiskyCommandRunsOnlyAfterTheClientApprovesAndEveryoneSeesTheRecord() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana");
                WireClient page = fixture.connect(WebSockets.CLIENT_PATH)) {
            Endpoints endpoints = console.ask(new EndpointsList(), Endpoints.class);
            assertThat(endpoints.endpoints()).singleElement().satisfies(e -> {
                assertThat(e.name()).isEqualTo("PRN-ACCT-01");
                assertThat(e.online()).isTrue();
            });
            String session = console.ask(new SessionOpen(agent.endpointId(), "HD-4471", null), SessionCreated.class)
                    .session();
            console.ask(new SessionSubscribe(session, 0), Ok.class);
            ClientInvited invited = console.ask(new ClientInvite(session), ClientInvited.class);
            assertThat(invited.url()).endsWith("/join/" + invited.code());
            page.ask(new ClientJoin(invited.code(), "Maria Lopez"), ClientJoined.class);

            console.ask(
                    new CommandRequest(
                            session,
                            "c-1",
                            Shell.POWERSHELL,
                            "Restart-Service Spooler",
                            null,
                            120,
                            "Restart the Print Spooler service",
                            false),
                    Ok.class);
            assertThat(agent.wire().drain()).noneMatch(f -> f.body() instanceof CommandRun);
            page.ask(new ApprovalAnswer(session, "apr-c-1", true, null), Ok.class);
            CommandRun run = agent.wire().awaitBody(CommandRun.class);
            assertThat(run.script()).isEqualTo("Restart-Service Spooler");

            long now = System.currentTimeMillis() * 1000;
            agent.wire().ask(new AgentReport(session, "ev-a1", now, new CommandStarted("c-1", 7412L)), AgentAck.class);
            agent.wire()
                    .ask(
                            new AgentReport(
                                    session, "ev-a2", now, new CommandOutput("c-1", OutputChannel.STDOUT, 0, "ok\r\n")),
                            AgentAck.class);
            agent.wire()
                    .ask(
                            new AgentReport(session, "ev-a3", now, new CommandFinished("c-1", 0, 412, 4, false)),
                            AgentAck.class);

            List<EventType> seen = new ArrayList<>();
            while (!seen.contains(EventType.COMMAND_FINISHED)) {
                seen.add(console.awaitBody(EventPush.class).event().type());
            }
            assertThat(seen)
                    .containsSubsequence(
                            EventType.SESSION_OPENED,
                            EventType.PARTICIPANT_JOINED,
                            EventType.COMMAND_REQUESTED,
                            EventType.APPROVAL_REQUESTED,
                            EventType.APPROVAL_GRANTED,
                            EventType.COMMAND_STARTED,
                            EventType.COMMAND_OUTPUT,
                            EventType.COMMAND_FINISHED);
        }
    }

    @Test
    void aConsoleListsOnlyTheSessionsItsUserMaySeeWithHowFarEachGoes() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient mia = fixture.console("mia");
                WireClient sam = fixture.console("sam")) {
            String session = dana.ask(new SessionOpen(agent.endpointId(), "HD-4471", null), SessionCreated.class)
                    .session();
            dana.ask(new SessionClose(session, "Nothing to do.", Outcome.ABANDONED), Ok.class);

            SessionsPage danas = dana.ask(new SessionsList(null), SessionsPage.class);
            SessionsPage manager = mia.ask(new SessionsList(null), SessionsPage.class);
            SessionsPage stranger = sam.ask(new SessionsList(null), SessionsPage.class);

            assertThat(danas.sessions()).singleElement().satisfies(info -> {
                assertThat(info.session()).isEqualTo(session);
                assertThat(info.endpointName()).isEqualTo("PRN-ACCT-01");
                assertThat(info.outcome()).isEqualTo(Outcome.ABANDONED);
                assertThat(info.lastSeq()).isEqualTo(4);
            });
            assertThat(manager.sessions()).isEqualTo(danas.sessions());
            assertThat(stranger.sessions()).isEmpty();
            assertThat(danas.more()).isFalse();
        }
    }
}
