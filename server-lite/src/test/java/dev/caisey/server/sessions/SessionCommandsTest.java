package dev.caisey.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.chain.SigningKey;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.db.Database;
import dev.caisey.server.store.GroupCommitter;
import dev.caisey.server.store.H2EventStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval gate and the role rules, on a real store; the agent side is a recording of what would be sent. */
class SessionCommandsTest {
    private static final Organisation HARBOR = new Organisation(
            "o-harbor", "Harbor Accounting", ZoneId.of("America/New_York"), 240, ApprovalPolicy.RISKY, false);
    private static final Organisation OTHER =
            new Organisation("o-other", "Other Co", ZoneId.of("Europe/Berlin"), 60, ApprovalPolicy.NONE, true);
    private static final Endpoint PRINTER = endpoint("e-prn", "a-prn", HARBOR.id(), "PRN-ACCT-01");
    private static final Endpoint SERVER_OF_OTHER = endpoint("e-oth", "a-oth", OTHER.id(), "SRV-OTHER");
    private static final Participant DANA = staff("u-dana", "Dana Whitfield", AccountRole.TECHNICIAN, HARBOR.id());
    private static final Participant MANAGER = staff("u-mia", "Mia Chen", AccountRole.MANAGER, HARBOR.id());
    private static final Participant STRANGER = staff("u-sam", "Sam Other", AccountRole.TECHNICIAN, OTHER.id());

    @TempDir
    Path dir;

    private Database database;
    private GroupCommitter committer;
    private H2EventStore store;
    private ScheduledExecutorService timers;
    private SessionCommands commands;
    private Sessions sessions;
    private final List<CommandRun> sent = new CopyOnWriteArrayList<>();
    private final List<CommandCancel> cancels = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        database = Database.open(dir);
        store = new H2EventStore(database);
        committer = new GroupCommitter(store);
        timers = Executors.newSingleThreadScheduledExecutor();
        sessions = new Sessions(store, committer, SigningKey.generate(), Clock.systemUTC());
        SessionCommands.Directory directory = new SessionCommands.Directory() {
            @Override
            public Endpoint endpoint(String id) {
                return List.of(PRINTER, SERVER_OF_OTHER).stream()
                        .filter(e -> e.id().equals(id))
                        .findFirst()
                        .orElse(null);
            }

            @Override
            public Organisation organisation(String id) {
                return id.equals(HARBOR.id()) ? HARBOR : OTHER;
            }

            @Override
            public boolean online(String endpointId) {
                return true;
            }
        };
        AgentDispatch dispatch = new AgentDispatch() {
            @Override
            public boolean run(String endpointId, CommandRun command) {
                return sent.add(command);
            }

            @Override
            public boolean cancel(String endpointId, CommandCancel cancel) {
                return cancels.add(cancel);
            }
        };
        commands =
                new SessionCommands(sessions, directory, dispatch, timers, Clock.systemUTC(), Duration.ofMillis(700));
    }

    @AfterEach
    void stop() {
        timers.shutdownNow();
        committer.close();
        database.close();
    }

    private String open() {
        return await(() -> commands.open(DANA, new SessionOpen(PRINTER.id(), "HD-1", null)))
                .state()
                .session();
    }

    private Participant.Client client(String session) {
        return new Participant.Client("c-maria", "Maria Lopez", session);
    }

    private static CommandRequest command(String session, String id, String script) {
        return new CommandRequest(session, id, Shell.POWERSHELL, script, null, 60, null, false);
    }

    @Test
    void aReadOnlyCommandRunsAtOnceUnderTheRiskyPolicy() {
        String session = open();

        await(() -> commands.request(DANA, command(session, "c-1", "Get-Service Spooler")));

        assertThat(sent).extracting(CommandRun::commandId).containsExactly("c-1");
        assertThat(types(session)).endsWith(EventType.COMMAND_REQUESTED);
    }

    @Test
    void aRiskyCommandIsHeldUntilTheClientApprovesAndRunsOnlyThen() {
        String session = open();

        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Service Spooler")));
        assertThat(sent).isEmpty();
        await(() -> commands.answer(client(session), new ApprovalAnswer(session, "apr-c-1", true, null)));

        assertThat(sent).extracting(CommandRun::commandId).containsExactly("c-1");
        assertThat(types(session))
                .endsWith(EventType.COMMAND_REQUESTED, EventType.APPROVAL_REQUESTED, EventType.APPROVAL_GRANTED);
        assertThat(store.events(session, 0, 100).get(4).event().toString()).contains("stops, restarts or reconfigures");
    }

    @Test
    void aDeniedCommandNeverRuns() {
        String session = open();

        await(() -> commands.request(DANA, command(session, "c-1", "Stop-Process -Name winword")));
        await(() ->
                commands.answer(client(session), new ApprovalAnswer(session, "apr-c-1", false, "I am saving my work")));

        assertThat(sent).isEmpty();
        assertThat(types(session)).endsWith(EventType.APPROVAL_DENIED);
        assertThatThrownBy(() -> commands.answer(client(session), new ApprovalAnswer(session, "apr-c-1", true, null)))
                .hasMessageContaining("already denied");
    }

    @Test
    void anUnansweredRequestExpiresAndNothingRuns() throws Exception {
        String session = open();

        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Computer")));
        Thread.sleep(1_500);

        assertThat(types(session)).endsWith(EventType.APPROVAL_EXPIRED);
        assertThat(sent).isEmpty();
        assertThatThrownBy(() -> commands.answer(client(session), new ApprovalAnswer(session, "apr-c-1", true, null)))
                .hasMessageContaining("already expired");
    }

    @Test
    void onlyTheSessionsClientCanAnswer() {
        String session = open();
        String otherSession = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Service Spooler")));

        assertRefused(
                () -> commands.answer(DANA, new ApprovalAnswer(session, "apr-c-1", true, null)), ErrorCode.FORBIDDEN);
        assertRefused(
                () -> commands.answer(client(otherSession), new ApprovalAnswer(session, "apr-c-1", true, null)),
                ErrorCode.NOT_FOUND);
        assertThat(sent).isEmpty();
        assertThat(types(session)).endsWith(EventType.APPROVAL_REQUESTED);
    }

    @Test
    void aManagerCanReadButNotRunCommandsAndAStrangerSeesNothing() {
        String session = open();

        assertRefused(() -> commands.request(MANAGER, command(session, "c-1", "Get-Service")), ErrorCode.FORBIDDEN);
        assertRefused(() -> commands.request(STRANGER, command(session, "c-1", "Get-Service")), ErrorCode.NOT_FOUND);
        assertRefused(() -> commands.open(STRANGER, new SessionOpen(PRINTER.id(), "X", null)), ErrorCode.NOT_FOUND);
        assertRefused(() -> commands.open(MANAGER, new SessionOpen(PRINTER.id(), "X", null)), ErrorCode.FORBIDDEN);
        assertRefused(() -> commands.chat(client("s-elsewhere"), new ChatSend(session, "hi")), ErrorCode.NOT_FOUND);
        assertThat(sent).isEmpty();
        assertThat(store.count(session)).isEqualTo(3);
    }

    @Test
    void anOrganisationCanRequireATicketReference() {
        Participant sam = staff("u-sam", "Sam", AccountRole.TECHNICIAN, OTHER.id());

        assertThatThrownBy(() -> commands.open(sam, new SessionOpen(SERVER_OF_OTHER.id(), null, null)))
                .hasMessage("Other Co needs a ticket reference for every session; add one.");
    }

    @Test
    void theAgentReportsOnlyOnCommandsItWasGivenAndAResendIsRecordedOnce() {
        String session = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Get-Service Spooler")));
        Participant agent = new Participant.Agent(PRINTER);
        Participant otherAgent = new Participant.Agent(SERVER_OF_OTHER);
        AgentReport started = new AgentReport(session, "ev-1", 5, new CommandStarted("c-1", 42L));

        await(() -> commands.report(agent, started));
        await(() -> commands.report(agent, started));
        await(() -> commands.report(
                agent,
                new AgentReport(
                        session, "ev-2", 6, new CommandOutput("c-1", OutputChannel.STDOUT, 0, "Running  Spooler"))));
        await(() -> commands.report(
                agent, new AgentReport(session, "ev-3", 7, new CommandFinished("c-1", 0, 10, 16, false))));

        assertRefused(
                () -> commands.report(agent, new AgentReport(session, "ev-4", 8, new CommandStarted("c-9", 1L))),
                ErrorCode.FORBIDDEN);
        assertRefused(
                () -> commands.report(otherAgent, new AgentReport(session, "ev-5", 8, new CommandStarted("c-1", 1L))),
                ErrorCode.NOT_FOUND);
        assertThat(types(session))
                .endsWith(
                        EventType.COMMAND_REQUESTED,
                        EventType.COMMAND_STARTED,
                        EventType.COMMAND_OUTPUT,
                        EventType.COMMAND_FINISHED);
        assertThat(store.events(session, 0, 100).getLast().sourceAt()).isEqualTo(7);
    }

    @Test
    void anAgentCannotReportOnAHeldCommand() {
        String session = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Service Spooler")));

        assertRefused(
                () -> commands.report(
                        new Participant.Agent(PRINTER),
                        new AgentReport(session, "ev-1", 5, new CommandStarted("c-1", 1L))),
                ErrorCode.FORBIDDEN);
    }

    @Test
    void closingExpiresPendingRequestsAndEndsTheSession() {
        String session = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Service Spooler")));

        await(() -> commands.close(DANA, new SessionClose(session, "Client will call back.", Outcome.UNRESOLVED)));

        assertThat(types(session)).endsWith(EventType.APPROVAL_EXPIRED, EventType.SESSION_CLOSED);
        assertRefused(
                () -> commands.answer(client(session), new ApprovalAnswer(session, "apr-c-1", true, null)),
                ErrorCode.CONFLICT);
        assertThat(store.checkpoints(session)).extracting(c -> c.seq()).containsExactly(store.count(session));
    }

    @Test
    void cancellingAHeldCommandRecordsItAndARunningOneAsksTheAgent() {
        String session = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Service Spooler")));
        await(() -> commands.request(DANA, command(session, "c-2", "Get-Service Spooler")));

        await(() -> commands.cancel(DANA, new CommandCancel(session, "c-1")));
        await(() -> commands.cancel(DANA, new CommandCancel(session, "c-2")));

        assertThat(types(session)).endsWith(EventType.COMMAND_CANCELLED);
        assertThat(cancels).extracting(CommandCancel::commandId).containsExactly("c-2");
    }

    @Test
    void aReportSentAgainBeforeTheFirstIsDurableIsAcknowledgedAndRecordedOnce() {
        String session = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Get-Service Spooler")));
        Participant agent = new Participant.Agent(PRINTER);
        AgentReport started = new AgentReport(session, "ev-1", 5, new CommandStarted("c-1", 42L));
        long before = store.count(session);

        CompletableFuture<Appended> first = commands.report(agent, started);
        CompletableFuture<Appended> again = commands.report(agent, started);

        await(() -> first);
        await(() -> again);
        assertThat(store.count(session)).isEqualTo(before + 1);
    }

    @Test
    void approvalTimersRestartAfterARestart() throws Exception {
        String session = open();
        await(() -> commands.request(DANA, command(session, "c-1", "Restart-Service Spooler")));
        stop();
        start();

        commands.resume(sessions.state(session));
        Thread.sleep(1_500);

        assertThat(types(session)).endsWith(EventType.APPROVAL_EXPIRED);
        assertThat(sent).isEmpty();
    }

    private List<EventType> types(String session) {
        return store.events(session, 0, 1_000).stream().map(RecordedEvent::type).toList();
    }

    private static Appended await(Supplier<CompletableFuture<Appended>> action) {
        try {
            return action.get().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertRefused(Supplier<CompletableFuture<Appended>> action, ErrorCode code) {
        assertThatThrownBy(action::get)
                .isInstanceOf(ServerException.class)
                .extracting(e -> ((ServerException) e).code())
                .isEqualTo(code);
    }

    private static Participant staff(String id, String name, AccountRole role, String organisationId) {
        return new Participant.Staff(new Principal(id, id, name, role, organisationId));
    }

    private static Endpoint endpoint(String id, String agentId, String organisationId, String hostname) {
        return new Endpoint(
                id,
                agentId,
                organisationId,
                "MCowBQYDK2VwAyEA" + "A".repeat(43) + "=",
                "ab".repeat(32),
                hostname,
                "Windows 11",
                "0.1.0",
                Instant.EPOCH,
                null,
                null);
    }
}
