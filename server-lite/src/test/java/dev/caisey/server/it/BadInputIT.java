package dev.caisey.server.it;

import static dev.caisey.server.it.Steps.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.AgentAck;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.ClientInvite;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.Endpoints;
import dev.caisey.record.protocol.EndpointsList;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.NoteAdd;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.ProtocolCodec;
import dev.caisey.record.protocol.Resume;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.record.protocol.SessionsList;
import dev.caisey.server.auth.Accounts;
import dev.caisey.server.auth.Enrollment;
import dev.caisey.server.auth.SessionTokens;
import dev.caisey.server.ws.WebSockets;
import jakarta.websocket.CloseReason;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Bad input" section over real TLS WebSockets: every kind of bad message gets an error frame with a
 * stable code and plain words, changes nothing in the record, and leaves the connection open where that is safe.
 *
 * <p>Longer than most classes on purpose: it is the one catalogue of bad input, one test per kind, so a reader can
 * check it against the issue in one place.
 */
class BadInputIT {
    private static final String NO_SUCH_SESSION = "s-00000000-0000-0000-0000-000000000000";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private ServerFixture fixture;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start(dir, Duration.ofMinutes(5), clock);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    // --- the frame itself ---------------------------------------------------------------------------------------

    @Test
    void malformedJsonIsRefusedAndTheConnectionSurvives() throws Exception {
        try (WireClient console = fixture.console("dana")) {
            var before = fixture.heads();
            for (String text : List.of("{\"v\":1,\"type\":\"chat.send\",", "not json at all", "[1, 2,", "{}}")) {
                console.sendRaw(text);
                refused(Steps.nextUnanswerableError(console), ErrorCode.MALFORMED);
            }
            assertStillServes(console);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    @Test
    void aFrameOverTheLimitIsTooLargeAndTheConnectionSurvives() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana")) {
            String session = Steps.openSession(console, agent);
            var before = fixture.heads();
            console.sendRaw(chatOfBytes(session, Limits.MAX_MESSAGE_BYTES + 1_000));
            ErrorReply error = refused(Steps.nextUnanswerableError(console), ErrorCode.TOO_LARGE);
            assertThat(error.message()).contains(String.valueOf(Limits.MAX_MESSAGE_BYTES));
            assertStillServes(console);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    /**
     * Past twice the limit Tyrus does not buffer a message at all. A message sent in fragments is measured as it is
     * put together and closed with 1009 (too big). A single frame overflows Tyrus's read buffer before any message
     * limit is consulted, and Tyrus closes with 1011 (unexpected condition); either way only that connection goes.
     */
    @Test
    void aMessageOverTwiceTheLimitClosesOnlyThatConnection() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient fragments = fixture.console("dana");
                WireClient oneFrame = fixture.console("dana");
                WireClient bystander = fixture.console("dana")) {
            String session = Steps.openSession(bystander, agent);
            var before = fixture.heads();
            String huge = chatOfBytes(session, 2 * Limits.MAX_MESSAGE_BYTES + 1_000);

            fragments.sendFragmented(huge, 64 * 1024);
            CloseReason tooBig = fragments.awaitClosed(WireClient.WAIT);
            assertThat(tooBig).as("the server closes the connection").isNotNull();
            assertThat(tooBig.getCloseCode().getCode()).isEqualTo(CloseReason.CloseCodes.TOO_BIG.getCode());

            oneFrame.sendRaw(huge);
            CloseReason overflow = oneFrame.awaitClosed(WireClient.WAIT);
            assertThat(overflow).as("the server closes the connection").isNotNull();
            assertThat(overflow.getCloseCode().getCode())
                    .isIn(
                            CloseReason.CloseCodes.TOO_BIG.getCode(),
                            CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode());
            assertThat(fixture.heads()).isEqualTo(before);

            assertStillServes(bystander);
            bystander.ask(new ChatSend(session, "still here"), Ok.class);
            try (WireClient newcomer = fixture.console("dana")) {
                assertStillServes(newcomer);
            }
            assertThat(agent.wire().isOpen()).isTrue();
        }
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheRequest() throws Exception {
        try (WireClient console = fixture.console("dana")) {
            Frame reply = console.requestRaw("q1", "{\"v\":1,\"type\":\"session.delete\",\"id\":\"q1\",\"body\":{}}");
            refused(reply, ErrorCode.UNKNOWN_TYPE);
            assertStillServes(console);
        }
    }

    @Test
    void aWrongVersionIsRefused() throws Exception {
        try (WireClient console = fixture.console("dana")) {
            Frame reply = console.requestRaw("q1", "{\"v\":2,\"type\":\"endpoints.list\",\"id\":\"q1\",\"body\":{}}");
            refused(reply, ErrorCode.UNSUPPORTED_VERSION);
            assertStillServes(console);
        }
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana")) {
            String session = Steps.openSession(console, agent);
            var before = fixture.heads();
            console.sendRaw("{\"v\":1,\"type\":\"chat.send\",\"id\":\"q1\",\"body\":{\"session\":\"" + session
                    + "\",\"text\":\"harmless\",\"text\":\"what the record would show\"}}");
            refused(Steps.nextUnanswerableError(console), ErrorCode.MALFORMED);
            assertStillServes(console);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsInvalid() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana")) {
            String session = Steps.openSession(console, agent);
            var before = fixture.heads();
            Frame reply = console.requestRaw(
                    "q1",
                    "{\"v\":1,\"type\":\"session.subscribe\",\"id\":\"q1\",\"body\":{\"session\":\"" + session
                            + "\",\"afterSeq\":1.5}}");
            refused(reply, ErrorCode.INVALID);
            Frame timeout = console.requestRaw(
                    "q2",
                    "{\"v\":1,\"type\":\"command.request\",\"id\":\"q2\",\"body\":{\"session\":\"" + session
                            + "\",\"commandId\":\"c-1\",\"shell\":\"powershell\",\"script\":\"Get-Date\","
                            + "\"timeoutSeconds\":1e2,\"requireApproval\":false}}");
            refused(timeout, ErrorCode.INVALID);
            assertStillServes(console);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    @Test
    void anUnknownMemberIsInvalid() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana")) {
            String session = Steps.openSession(console, agent);
            var before = fixture.heads();
            Frame inBody = console.requestRaw(
                    "q1",
                    "{\"v\":1,\"type\":\"chat.send\",\"id\":\"q1\",\"body\":{\"session\":\"" + session
                            + "\",\"text\":\"hi\",\"seq\":1}}");
            assertThat(refused(inBody, ErrorCode.INVALID).message()).contains("seq");
            Frame inEnvelope = console.requestRaw(
                    "q2",
                    "{\"v\":1,\"type\":\"chat.send\",\"id\":\"q2\",\"seq\":7,\"body\":{\"session\":\"" + session
                            + "\",\"text\":\"hi\"}}");
            refused(inEnvelope, ErrorCode.INVALID);
            assertStillServes(console);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    // --- roles ---------------------------------------------------------------------------------------------------

    @Test
    void eachKindOfPeerMayOnlySendItsOwnTypes() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana")) {
            String session = Steps.openSession(console, agent);
            try (WireClient page = Steps.joinedPage(fixture, console, session)) {
                var before = fixture.heads();
                Message run = new CommandRun(session, "c-1", Shell.POWERSHELL, "Get-Date", null, 60, 1024);
                refused(console.request(run), ErrorCode.FORBIDDEN);
                refused(agent.wire().request(new ChatSend(session, "I am the technician")), ErrorCode.FORBIDDEN);
                refused(page.request(Steps.command(session, "c-2", "Get-Date", null)), ErrorCode.FORBIDDEN);
                refused(page.request(new NoteAdd(session, "a note")), ErrorCode.FORBIDDEN);
                refused(agent.wire().request(new ApprovalAnswer(session, "apr-c-1", true, null)), ErrorCode.FORBIDDEN);

                assertStillServes(console);
                Steps.roundTrip(agent.wire());
                Steps.roundTrip(page);
                assertThat(fixture.heads()).isEqualTo(before);
            }
        }
    }

    @Test
    void aConsoleCannotPushEventsWithSequenceNumbersOfItsOwn() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient console = fixture.console("dana")) {
            String session = Steps.openSession(console, agent);
            console.ask(new SessionSubscribe(session, 0), Ok.class);
            RecordedEvent first = console.awaitBody(EventPush.class).event();
            var before = fixture.heads();

            refused(console.request(new EventPush(first)), ErrorCode.FORBIDDEN);
            refused(agent.wire().request(new EventPush(first)), ErrorCode.FORBIDDEN);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    @Test
    void aManagerCanFollowASessionButNotActInIt() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient mia = fixture.console("mia")) {
            String session = Steps.openSession(dana, agent);
            var before = fixture.heads();

            refused(mia.request(Steps.command(session, "c-1", "Get-Service Spooler", null)), ErrorCode.FORBIDDEN);
            refused(mia.request(new ChatSend(session, "hello")), ErrorCode.FORBIDDEN);
            refused(mia.request(new SessionClose(session, "done", Outcome.RESOLVED)), ErrorCode.FORBIDDEN);
            refused(mia.request(new SessionOpen(agent.endpointId(), "HD-1", null)), ErrorCode.FORBIDDEN);
            assertThat(fixture.heads()).isEqualTo(before);
            assertThat(agent.wire().drain()).noneMatch(f -> f.body() instanceof CommandRun);

            mia.ask(new SessionSubscribe(session, 0), Ok.class);
            assertThat(Steps.eventsUntil(mia, 3)).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L);
        }
    }

    // --- signing in ----------------------------------------------------------------------------------------------

    @Test
    void requestsBeforeSignInAreUnauthenticated() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient anonymous = fixture.connect(WebSockets.CONSOLE_PATH);
                WireClient page = fixture.connect(WebSockets.CLIENT_PATH)) {
            String session = Steps.openSession(dana, agent);
            var before = fixture.heads();

            refused(anonymous.request(new EndpointsList()), ErrorCode.UNAUTHENTICATED);
            refused(anonymous.request(new SessionsList(null)), ErrorCode.UNAUTHENTICATED);
            refused(anonymous.request(new SessionSubscribe(session, 0)), ErrorCode.UNAUTHENTICATED);
            refused(anonymous.request(new ChatSend(session, "hello")), ErrorCode.UNAUTHENTICATED);
            refused(anonymous.request(new SessionOpen(agent.endpointId(), "HD-1", null)), ErrorCode.UNAUTHENTICATED);
            refused(page.request(new ChatSend(session, "hello")), ErrorCode.UNAUTHENTICATED);
            refused(page.request(new SessionSubscribe(session, 0)), ErrorCode.UNAUTHENTICATED);
            refused(page.request(new ApprovalAnswer(session, "apr-c-1", true, null)), ErrorCode.UNAUTHENTICATED);

            assertThat(fixture.heads()).isEqualTo(before);
            anonymous.ask(new Login("dana", ServerFixture.PASSWORD), LoginOk.class);
            assertStillServes(anonymous);
        }
    }

    @Test
    void anExpiredForgedOrRevokedTokenAsksToSignInAgain() throws Exception {
        String revoked;
        String expiring;
        try (WireClient console = fixture.console("dana")) {
            revoked = console.ask(new Login("dana", ServerFixture.PASSWORD), LoginOk.class)
                    .token();
            expiring = console.ask(new Login("dana", ServerFixture.PASSWORD), LoginOk.class)
                    .token();
        }
        assertThat(fixture.server().context().tokens().revoke(revoked)).isTrue();
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        try (WireClient console = fixture.connect(WebSockets.CONSOLE_PATH)) {
            console.ask(new Resume(expiring), LoginOk.class);
        }
        clock.advance(SessionTokens.TTL.plusMinutes(1));

        List<String> messages = new ArrayList<>();
        for (String token : List.of(revoked, forged, expiring, "x")) {
            try (WireClient console = fixture.connect(WebSockets.CONSOLE_PATH)) {
                ErrorReply error = refused(console.request(new Resume(token)), ErrorCode.UNAUTHENTICATED);
                assertThat(error.message()).contains("sign in again");
                messages.add(error.message());
                refused(console.request(new EndpointsList()), ErrorCode.UNAUTHENTICATED);
                console.ask(new Login("dana", ServerFixture.PASSWORD), LoginOk.class);
            }
        }
        assertThat(messages).as("the answer does not say why").containsOnly(messages.getFirst());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWithoutSayingWhetherItExists() throws Exception {
        try (WireClient console = fixture.connect(WebSockets.CONSOLE_PATH)) {
            String unknownUser = refused(
                            console.request(new Login("nobody", "correct horse battery staple")),
                            ErrorCode.UNAUTHENTICATED)
                    .message();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
                messages.add(
                        refused(console.request(new Login("dana", "wrong password " + i)), ErrorCode.UNAUTHENTICATED)
                                .message());
            }
            String locked = refused(
                            console.request(new Login("dana", ServerFixture.PASSWORD)), ErrorCode.UNAUTHENTICATED)
                    .message();
            messages.add(locked);
            assertThat(messages).containsOnly(unknownUser);
            assertThat(locked).doesNotContain("dana").doesNotContainIgnoringCase("does not exist");

            refused(console.request(new EndpointsList()), ErrorCode.UNAUTHENTICATED);
            console.ask(new Login("mia", ServerFixture.PASSWORD), LoginOk.class);
            assertStillServes(console);
        }
    }

    // --- sessions that are not yours -----------------------------------------------------------------------------

    @Test
    void anotherOrganisationsSessionLooksLikeNoSessionAtAll() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient sam = fixture.console("sam")) {
            String open = Steps.openSession(dana, agent);
            String closed = Steps.openSession(dana, agent);
            dana.ask(new SessionClose(closed, "Nothing to do.", Outcome.ABANDONED), Ok.class);
            var before = fixture.heads();

            for (String session : List.of(open, closed)) {
                for (Message request : strangerRequests(session)) {
                    ErrorReply theirs = refused(sam.request(request), ErrorCode.NOT_FOUND);
                    ErrorReply none = refused(sam.request(retarget(request, NO_SUCH_SESSION)), ErrorCode.NOT_FOUND);
                    assertThat(theirs)
                            .as("%s in a session that is not theirs", request)
                            .isEqualTo(none);
                }
            }
            refused(sam.request(new SessionOpen(agent.endpointId(), "HD-1", null)), ErrorCode.NOT_FOUND);
            assertThat(fixture.heads()).isEqualTo(before);
            Steps.roundTrip(sam);
            assertThat(Steps.receivedEvents(sam)).isEmpty();
        }
    }

    @Test
    void signingInAsSomeoneElseEndsThePreviousAccountsSubscriptions() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient shared = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            shared.ask(new SessionSubscribe(session, 0), Ok.class);
            Steps.eventsUntil(shared, 3);

            shared.ask(new Login("sam", ServerFixture.PASSWORD), LoginOk.class);
            dana.ask(new ChatSend(session, "for Harbor's eyes only"), Ok.class);
            Steps.roundTrip(shared);
            assertThat(Steps.receivedEvents(shared)).isEmpty();
            refused(shared.request(new ChatSend(session, "hello")), ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void aClientPageCanOnlyTouchTheSessionItJoined() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String mine = Steps.openSession(dana, agent);
            String other = Steps.openSession(dana, agent);
            dana.ask(Steps.command(other, "c-9", "Restart-Service Spooler", "Restart the Print Spooler"), Ok.class);
            try (WireClient page = Steps.joinedPage(fixture, dana, mine)) {
                var before = fixture.heads();
                List<Message> requests = List.of(
                        new SessionSubscribe(other, 0),
                        new ChatSend(other, "hello"),
                        new ApprovalAnswer(other, "apr-c-9", true, null));
                for (Message request : requests) {
                    ErrorReply theirs = refused(page.request(request), ErrorCode.NOT_FOUND);
                    ErrorReply none = refused(page.request(retarget(request, NO_SUCH_SESSION)), ErrorCode.NOT_FOUND);
                    assertThat(theirs).isEqualTo(none);
                }
                assertThat(fixture.heads()).isEqualTo(before);
                assertThat(agent.wire().drain()).noneMatch(f -> f.body() instanceof CommandRun);
                page.ask(new ChatSend(mine, "still here"), Ok.class);
            }
        }
    }

    // --- join codes ----------------------------------------------------------------------------------------------

    @Test
    void wrongJoinCodesAreNotFoundAndTenOfThemFromOneAddressAreRateLimited() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            ClientInvited invited = dana.ask(new ClientInvite(session), ClientInvited.class);
            var before = fixture.heads();

            String wrong = null;
            for (int i = 0; i < 10; i++) {
                try (WireClient page = fixture.connect(WebSockets.CLIENT_PATH)) {
                    String message = refused(
                                    page.request(new ClientJoin("WRONG" + (100 + i), "Mallory")), ErrorCode.NOT_FOUND)
                            .message();
                    assertThat(wrong == null || wrong.equals(message)).isTrue();
                    wrong = message;
                }
            }
            try (WireClient page = fixture.connect(WebSockets.CLIENT_PATH)) {
                refused(page.request(new ClientJoin(invited.code(), "Maria Lopez")), ErrorCode.RATE_LIMITED);
            }
            assertThat(fixture.heads()).isEqualTo(before);

            Frame elsewhere =
                    requestFrom(InetAddress.getByName("127.0.0.2"), new ClientJoin(invited.code(), "Maria Lopez"));
            assertThat(elsewhere.body())
                    .as("a client at another address is not locked out")
                    .isInstanceOf(ClientJoined.class);
        }
    }

    // --- sequence numbers ----------------------------------------------------------------------------------------

    @Test
    void aResumePointBeyondTheHeadGetsNothingOldAndThenEveryNewEvent() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient follower = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            follower.ask(new SessionSubscribe(session, 1_000), Ok.class);
            Steps.roundTrip(follower);
            assertThat(Steps.receivedEvents(follower)).isEmpty();

            dana.ask(new ChatSend(session, "one"), Ok.class);
            dana.ask(new ChatSend(session, "two"), Ok.class);
            assertThat(Steps.eventsUntil(follower, 5))
                    .extracting(RecordedEvent::seq)
                    .containsExactly(4L, 5L);
        }
    }

    @Test
    void aNegativeResumePointIsInvalid() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            Frame reply = dana.requestRaw(
                    "q1",
                    "{\"v\":1,\"type\":\"session.subscribe\",\"id\":\"q1\",\"body\":{\"session\":\"" + session
                            + "\",\"afterSeq\":-1}}");
            refused(reply, ErrorCode.INVALID);
            Steps.roundTrip(dana);
            assertThat(Steps.receivedEvents(dana)).isEmpty();
        }
    }

    @Test
    void aResentAgentReportIsAcknowledgedButRecordedOnce() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            Steps.request(dana, session, "c-1", "Get-Service Spooler");
            agent.wire().awaitBody(CommandRun.class);
            AgentReport started = new AgentReport(session, "ev-1", 1, new CommandStarted("c-1", 7412L));

            agent.wire().ask(started, AgentAck.class);
            long head = fixture.heads().get(session);
            AgentAck again = agent.wire().ask(started, AgentAck.class);
            assertThat(again.eventIds()).containsExactly("ev-1");
            assertThat(fixture.heads().get(session)).isEqualTo(head);

            dana.ask(new SessionSubscribe(session, 0), Ok.class);
            assertThat(Steps.eventsUntil(dana, head))
                    .filteredOn(e -> "ev-1".equals(e.id()))
                    .hasSize(1);
        }
    }

    // --- agents --------------------------------------------------------------------------------------------------

    @Test
    void anAgentCannotReportOnACommandItWasNeverGiven() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            dana.ask(Steps.command(session, "c-held", "Restart-Service Spooler", "Restart the spooler"), Ok.class);
            var before = fixture.heads();

            refused(
                    agent.wire().request(new AgentReport(session, "ev-1", 1, new CommandStarted("c-never", 1L))),
                    ErrorCode.FORBIDDEN);
            refused(
                    agent.wire().request(new AgentReport(session, "ev-2", 1, new CommandStarted("c-held", 1L))),
                    ErrorCode.FORBIDDEN);
            assertThat(fixture.heads()).isEqualTo(before);
            Steps.roundTrip(agent.wire());
        }
    }

    @Test
    void anAgentOfAnotherEndpointCannotReportOnThisSession() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                ServerFixture.Agent intruder = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-02");
                WireClient dana = fixture.console("dana")) {
            String session = Steps.openSession(dana, agent);
            Steps.request(dana, session, "c-1", "Get-Service Spooler");
            agent.wire().awaitBody(CommandRun.class);
            agent.wire().ask(new AgentReport(session, "ev-1", 1, new CommandStarted("c-1", 7L)), AgentAck.class);
            var before = fixture.heads();

            List<AgentReport> reports = List.of(
                    new AgentReport(session, "ev-2", 1, new CommandStarted("c-1", 8L)),
                    new AgentReport(session, "ev-1", 1, new CommandStarted("c-1", 7L)));
            for (AgentReport report : reports) {
                ErrorReply theirs = refused(intruder.wire().request(report), ErrorCode.NOT_FOUND);
                ErrorReply none = refused(
                        intruder.wire()
                                .request(new AgentReport(
                                        NO_SUCH_SESSION, report.eventId(), report.sourceAt(), report.event())),
                        ErrorCode.NOT_FOUND);
                assertThat(theirs).isEqualTo(none);
            }
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    @Test
    void anAgentMustSignInBeforeReporting() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient unproven = fixture.connect(WebSockets.AGENT_PATH)) {
            String session = Steps.openSession(dana, agent);
            Steps.request(dana, session, "c-1", "Get-Service Spooler");
            var before = fixture.heads();
            unproven.awaitBody(AuthChallenge.class);
            refused(
                    unproven.request(new AgentReport(session, "ev-1", 1, new CommandStarted("c-1", 7L))),
                    ErrorCode.UNAUTHENTICATED);
            assertThat(fixture.heads()).isEqualTo(before);
        }
    }

    @Test
    void aForgedOrReplayedHelloIsUnauthenticated() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient first = fixture.connect(WebSockets.AGENT_PATH);
                WireClient second = fixture.connect(WebSockets.AGENT_PATH);
                WireClient third = fixture.connect(WebSockets.AGENT_PATH)) {
            KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            AuthChallenge firstChallenge = first.awaitBody(AuthChallenge.class);
            AuthChallenge secondChallenge = second.awaitBody(AuthChallenge.class);
            AuthChallenge thirdChallenge = third.awaitBody(AuthChallenge.class);

            AgentHello forged = AgentHello.sign(
                    stranger.getPrivate(),
                    agent.agentId(),
                    firstChallenge.nonceBytes(),
                    "PRN-ACCT-01",
                    "Windows 11 Pro",
                    "0.1.0",
                    1);
            refused(first.request(forged), ErrorCode.UNAUTHENTICATED);
            AgentHello genuine = Steps.hello(agent, firstChallenge, "PRN-ACCT-01");
            ErrorReply usedUp = refused(first.request(genuine), ErrorCode.UNAUTHENTICATED);
            assertThat(usedUp.message()).contains("reconnect");

            refused(second.request(genuine), ErrorCode.UNAUTHENTICATED);
            AgentHello captured = Steps.hello(agent, thirdChallenge, "PRN-ACCT-01");
            refused(second.request(captured), ErrorCode.UNAUTHENTICATED);
            assertThat(secondChallenge.nonce()).isNotEqualTo(thirdChallenge.nonce());

            refused(
                    first.request(new AgentReport("s-1", "ev-1", 1, new CommandStarted("c-1", 7L))),
                    ErrorCode.UNAUTHENTICATED);
            assertThat(fixture.server().context().agentLinks().online(agent.endpointId()))
                    .isTrue();
            assertThat(agent.wire().isOpen()).isTrue();
        }
    }

    @Test
    void enrollingWithAnExpiredUsedUpOrUnknownTokenGetsTheOneNotValidAnswer() throws Exception {
        var enrollment = fixture.server().context().enrollment();
        String expired = enrollment
                .createEnrollmentToken(ServerFixture.HARBOR, Duration.ofMinutes(1), clock.instant())
                .token();
        String single = enrollment
                .createEnrollmentToken(ServerFixture.HARBOR, Duration.ofHours(1), clock.instant())
                .token();
        try (WireClient wire = fixture.connect(WebSockets.AGENT_PATH)) {
            wire.ask(enroll(single), AgentEnrolled.class);
        }
        clock.advance(Duration.ofMinutes(2));
        int endpoints = fixture.server().context().endpoints().list().size();

        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        for (String token : List.of(expired, single, unknown)) {
            try (WireClient wire = fixture.connect(WebSockets.AGENT_PATH)) {
                ErrorReply error = refused(wire.request(enroll(token)), ErrorCode.UNAUTHENTICATED);
                assertThat(error.message()).isEqualTo(Enrollment.NOT_VALID);
                Steps.roundTrip(wire);
            }
        }
        assertThat(fixture.server().context().endpoints().list()).hasSize(endpoints);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static AgentEnroll enroll(String token) throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return new AgentEnroll(token, Steps.publicKey(key), "PRN-NEW", "Windows 11 Pro", "0.1.0");
    }

    /** What a technician of another organisation might try in a session. */
    private static List<Message> strangerRequests(String session) {
        return List.of(
                new SessionSubscribe(session, 0),
                new ChatSend(session, "hello"),
                Steps.command(session, "c-1", "Get-Service Spooler", null),
                new NoteAdd(session, "a note"),
                new CommandCancel(session, "c-1"),
                new SessionClose(session, "done", Outcome.RESOLVED),
                new ClientInvite(session));
    }

    /** The same request, aimed at another session. */
    private static Message retarget(Message request, String session) {
        return switch (request) {
            case SessionSubscribe s -> new SessionSubscribe(session, s.afterSeq());
            case ChatSend c -> new ChatSend(session, c.text());
            case NoteAdd n -> new NoteAdd(session, n.text());
            case CommandCancel c -> new CommandCancel(session, c.commandId());
            case SessionClose c -> new SessionClose(session, c.resolution(), c.outcome());
            case ClientInvite i -> new ClientInvite(session);
            case ApprovalAnswer a -> new ApprovalAnswer(session, a.approvalId(), a.approve(), a.reason());
            case CommandRequest c -> Steps.command(session, c.commandId(), c.script(), c.summary());
            default -> throw new IllegalArgumentException("no session in " + request);
        };
    }

    /** A chat.send frame of about {@code bytes} bytes. */
    private static String chatOfBytes(String session, int bytes) {
        String head =
                "{\"v\":1,\"type\":\"chat.send\",\"id\":\"big\",\"body\":{\"session\":\"" + session + "\",\"text\":\"";
        return head + "x".repeat(bytes - head.length() - 3) + "\"}}";
    }

    private static void assertStillServes(WireClient client) throws Exception {
        assertThat(client.isOpen()).isTrue();
        assertThat(client.ask(new EndpointsList(), Endpoints.class)).isNotNull();
    }

    /**
     * Sends one request to the client page endpoint from another loopback address, with the JDK's WebSocket client
     * (the Tyrus client cannot choose its source address), and returns the answer.
     */
    private Frame requestFrom(InetAddress source, Message message) throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newBuilder()
                .sslContext(fixture.trust())
                .localAddress(source)
                .connectTimeout(WireClient.WAIT)
                .build();
        WebSocket socket = http.newWebSocketBuilder()
                .connectTimeout(WireClient.WAIT)
                .buildAsync(
                        URI.create("wss://127.0.0.1:" + fixture.server().port() + WebSockets.CLIENT_PATH),
                        new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    received.add(text.toString());
                                    text.setLength(0);
                                }
                                ws.request(1);
                                return null;
                            }
                        })
                .get(WireClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            socket.sendText(ProtocolCodec.encode(Frame.request("far-1", message)), true)
                    .get(WireClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + WireClient.WAIT.toNanos();
            while (true) {
                String text = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(text).as("an answer within %s", WireClient.WAIT).isNotNull();
                Frame frame = ProtocolCodec.decode(text);
                if ("far-1".equals(frame.re())) {
                    return frame;
                }
            }
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WireClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            http.close();
        }
    }
}
