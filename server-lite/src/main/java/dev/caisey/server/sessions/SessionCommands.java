package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ApprovalRequest;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.record.protocol.NoteAdd;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.server.ServerException;
import dev.caisey.server.approvals.RiskRules;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.sessions.SessionState.ApprovalStatus;
import dev.caisey.server.sessions.SessionState.CommandStatus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What participants can do to sessions, each decision taken by the session's sequencer against its current state:
 * who may act is checked first, then whether the act fits the session, and only then are events appended. Commands
 * that the organisation's policy (or the technician) marks are held until the client approves; denial or expiry is
 * recorded and nothing runs. No role can bypass the gate: the only way to {@link CommandStatus#READY} for a held
 * command is an {@code approval.granted} from the session's client.
 */
public final class SessionCommands {
    /** How long the client has to answer an approval unless the technician says otherwise. */
    public static final Duration DEFAULT_APPROVAL_WAIT = Duration.ofMinutes(5);

    /** Most output (characters, all channels) an agent sends for one command before it truncates. */
    public static final long OUTPUT_LIMIT_CHARS = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(SessionCommands.class.getName());

    private final Sessions sessions;
    private final Directory directory;
    private final AgentDispatch agents;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Duration approvalWait;

    /** What the commands need to know about organisations and endpoints. */
    public interface Directory {
        /** The endpoint with an id, or {@code null}. */
        Endpoint endpoint(String endpointId);

        /** The organisation with an id, or {@code null}. */
        Organisation organisation(String organisationId);

        /** Whether the endpoint's agent is connected now. */
        boolean online(String endpointId);
    }

    /** Commands over {@code sessions}; approvals expire after {@code approvalWait} unless a request says otherwise. */
    public SessionCommands(
            Sessions sessions,
            Directory directory,
            AgentDispatch agents,
            ScheduledExecutorService timers,
            Clock clock,
            Duration approvalWait) {
        this.sessions = sessions;
        this.directory = directory;
        this.agents = agents;
        this.timers = timers;
        this.clock = clock;
        this.approvalWait = approvalWait;
    }

    /** A technician opens a session on an online endpoint of one of their organisations. */
    public CompletableFuture<Appended> open(Participant who, SessionOpen request) {
        Participant.Staff staff = who instanceof Participant.Staff s ? s : null;
        Endpoint endpoint = directory.endpoint(request.endpointId());
        if (staff == null
                || endpoint == null
                || endpoint.isRevoked()
                || !staff.principal().mayAccess(endpoint.organisationId())) {
            throw new ServerException(ErrorCode.NOT_FOUND, "There is no such endpoint, or it is not one of yours.");
        }
        if (staff.principal().role() != dev.caisey.record.protocol.AccountRole.TECHNICIAN) {
            throw new ServerException(ErrorCode.FORBIDDEN, "Only a technician can open a session.");
        }
        Organisation org = directory.organisation(endpoint.organisationId());
        if (org.ticketReferenceRequired() && request.ticket() == null) {
            throw new ServerException(
                    ErrorCode.INVALID, org.name() + " needs a ticket reference for every session; add one.");
        }
        if (!directory.online(endpoint.id())) {
            throw new ServerException(
                    ErrorCode.CONFLICT, endpoint.hostname() + " is offline; a session needs its agent connected.");
        }
        Actor agent = new Participant.Agent(endpoint).actor();
        SessionOpened opened = new SessionOpened(
                new dev.caisey.record.event.Endpoint(endpoint.id(), endpoint.hostname(), endpoint.os()),
                new dev.caisey.record.event.Organisation(
                        org.id(),
                        org.name(),
                        org.timeZone().getId(),
                        (long) org.slaTargetMinutes(),
                        org.approvalPolicy()),
                request.ticket(),
                request.reportedAt());
        return sessions.open(state -> List.of(
                Draft.of(staff.actor(), opened),
                Draft.of(staff.actor(), new ParticipantJoined("console")),
                Draft.of(agent, new ParticipantJoined("agent " + endpoint.agentVersion() + " on " + endpoint.os()))));
    }

    /** The technician or the client writes in the chat. */
    public CompletableFuture<Appended> chat(Participant who, ChatSend message) {
        return sessions.append(message.session(), state -> {
            Actor actor = who instanceof Participant.Client
                    ? Participant.requireClient(who, state).actor()
                    : Participant.requireTechnician(who, state).actor();
            return List.of(Draft.of(actor, new ChatMessage(message.text())));
        });
    }

    /** The technician adds a note. */
    public CompletableFuture<Appended> note(Participant who, NoteAdd note) {
        return technician(who, note.session(), (actor, state) -> List.of(Draft.of(actor, new NoteAdded(note.text()))));
    }

    /** The technician records a verification step, tied to a command of this session or done by hand. */
    public CompletableFuture<Appended> verify(Participant who, VerificationMark mark) {
        return technician(who, mark.session(), (actor, state) -> {
            if (mark.commandId() != null && state.command(mark.commandId()).isEmpty()) {
                throw new ServerException(
                        ErrorCode.NOT_FOUND, "There is no command " + mark.commandId() + " in this session.");
            }
            return List.of(
                    Draft.of(actor, new VerificationRecorded(mark.commandId(), mark.verdict(), mark.statement())));
        });
    }

    /** The technician closes the session with a resolution; commands still held are cancelled first. */
    public CompletableFuture<Appended> close(Participant who, SessionClose close) {
        return technician(who, close.session(), (actor, state) -> {
            List<Draft> drafts = new ArrayList<>();
            state.approvals().values().stream()
                    .filter(a -> a.status() == ApprovalStatus.PENDING)
                    .forEach(a -> drafts.add(Draft.of(
                            Actor.SERVER, new ApprovalExpired(a.request().approvalId()))));
            drafts.add(Draft.of(actor, new SessionClosed(close.resolution(), close.outcome())));
            return drafts;
        });
    }

    /**
     * The technician asks for a command. It runs at once, or is held for the client's approval when the
     * organisation's policy or the technician asks for it.
     */
    public CompletableFuture<Appended> request(Participant who, CommandRequest request) {
        return technician(who, request.session(), (actor, state) -> {
                    if (state.command(request.commandId()).isPresent()) {
                        throw new ServerException(
                                ErrorCode.CONFLICT, "Command " + request.commandId() + " was already requested.");
                    }
                    boolean held = request.requireApproval()
                            || RiskRules.requiresApproval(state.organisation().approvalPolicy(), request.script());
                    List<Draft> drafts = new ArrayList<>();
                    drafts.add(Draft.of(
                            actor,
                            new CommandRequested(
                                    request.commandId(),
                                    request.shell(),
                                    request.script(),
                                    request.workingDirectory(),
                                    request.timeoutSeconds(),
                                    request.summary(),
                                    held)));
                    if (held) {
                        String prompt =
                                request.summary() != null ? request.summary() : "Run this command: " + request.script();
                        drafts.add(Draft.of(
                                Actor.SERVER,
                                new ApprovalRequested(
                                        "apr-" + request.commandId(),
                                        request.commandId(),
                                        clip(prompt),
                                        RiskRules.reason(request.script())
                                                .map(r -> "This command " + r + ".")
                                                .orElse(null),
                                        SessionSequencer.micros(clock.instant().plus(approvalWait)))));
                    }
                    return drafts;
                })
                .thenApply(appended -> afterDecision(appended));
    }

    /** The technician asks the client a yes-or-no question that is not tied to a command. */
    public CompletableFuture<Appended> ask(Participant who, ApprovalRequest request) {
        if (request.commandId() != null) {
            throw new ServerException(
                    ErrorCode.INVALID, "To hold a command for approval, request it with requireApproval.");
        }
        return technician(who, request.session(), (actor, state) -> {
                    if (state.approval(request.approvalId()).isPresent()) {
                        throw new ServerException(
                                ErrorCode.CONFLICT, "Approval " + request.approvalId() + " was already asked for.");
                    }
                    long expiresAt = SessionSequencer.micros(clock.instant().plusSeconds(request.expiresInSeconds()));
                    return List.of(Draft.of(
                            actor,
                            new ApprovalRequested(
                                    request.approvalId(), null, request.prompt(), request.detail(), expiresAt)));
                })
                .thenApply(this::afterDecision);
    }

    /** The client approves or denies a pending request. */
    public CompletableFuture<Appended> answer(Participant who, ApprovalAnswer answer) {
        return sessions.append(answer.session(), state -> {
                    Actor client = Participant.requireClient(who, state).actor();
                    SessionState.Approval approval = state.approval(answer.approvalId())
                            .orElseThrow(() -> new ServerException(
                                    ErrorCode.NOT_FOUND, "There is no such request in this session."));
                    if (approval.status() != ApprovalStatus.PENDING) {
                        throw new ServerException(
                                ErrorCode.CONFLICT,
                                "This request was already "
                                        + approval.status().name().toLowerCase(java.util.Locale.ROOT) + ".");
                    }
                    if (SessionSequencer.micros(clock.instant())
                            >= approval.request().expiresAt()) {
                        return List.of(Draft.of(Actor.SERVER, new ApprovalExpired(answer.approvalId())));
                    }
                    return List.of(Draft.of(
                            client,
                            answer.approve()
                                    ? new ApprovalGranted(answer.approvalId())
                                    : new ApprovalDenied(answer.approvalId(), answer.reason())));
                })
                .thenApply(appended -> {
                    afterDecision(appended);
                    // An answer after the deadline records the expiry the timer had not recorded yet, and is refused.
                    if (appended.events().stream()
                            .anyMatch(e -> e.event() instanceof ApprovalExpired expired
                                    && expired.approvalId().equals(answer.approvalId()))) {
                        throw new ServerException(
                                ErrorCode.CONFLICT,
                                "This request expired before your answer, so nothing will run; your technician can"
                                        + " ask again.");
                    }
                    return appended;
                });
    }

    /** The technician cancels a command: a held one never runs, a running one is killed by its agent. */
    public CompletableFuture<Appended> cancel(Participant who, CommandCancel cancel) {
        return technician(who, cancel.session(), (actor, state) -> {
            if (state.closed()) {
                throw new ServerException(ErrorCode.CONFLICT, "This session is closed; open a new one to continue.");
            }
            SessionState.Command command = state.command(cancel.commandId())
                    .orElseThrow(() ->
                            new ServerException(ErrorCode.NOT_FOUND, "There is no such command in this session."));
            if (command.status().isFinal()) {
                throw new ServerException(ErrorCode.CONFLICT, "This command has already ended.");
            }
            if (command.status() == CommandStatus.RUNNING || command.status() == CommandStatus.READY) {
                agents.cancel(state.endpoint().id(), cancel);
                return List.of();
            }
            return List.of(Draft.of(
                    Actor.SERVER,
                    new CommandCancelled(cancel.commandId(), "cancelled by the technician before it ran")));
        });
    }

    /** A participant connected to the session (a client who joined with a code, an agent that came back). */
    public CompletableFuture<Appended> joined(Participant who, String session, String via) {
        return sessions.append(session, state -> {
            if (who instanceof Participant.Client) {
                Participant.requireClient(who, state);
            }
            return List.of(Draft.of(who.actor(), new ParticipantJoined(via)));
        });
    }

    /** A participant's connection ended. */
    public CompletableFuture<Appended> left(Participant who, String session, String reason) {
        return sessions.append(session, state -> List.of(Draft.of(who.actor(), new ParticipantLeft(reason))));
    }

    /** Sends every command of an open session that is ready but not started to the endpoint's agent (after it reconnects). */
    public void resend(String session) {
        SessionState state = sessions.state(session);
        state.commands().values().stream()
                .filter(c -> c.status() == CommandStatus.READY)
                .forEach(c -> agents.run(state.endpoint().id(), run(state.session(), c.request())));
    }

    private Appended afterDecision(Appended appended) {
        SessionState state = appended.state();
        for (var event : appended.events()) {
            switch (event.event()) {
                case CommandRequested request -> {
                    if (!request.approvalRequired()) {
                        agents.run(state.endpoint().id(), run(state.session(), request));
                    }
                }
                case ApprovalGranted granted ->
                    state.approval(granted.approvalId())
                            .flatMap(a -> a.request().commandId() == null
                                    ? java.util.Optional.empty()
                                    : state.command(a.request().commandId()))
                            .ifPresent(c -> agents.run(state.endpoint().id(), run(state.session(), c.request())));
                case ApprovalRequested request -> scheduleExpiry(state.session(), request);
                default -> {}
            }
        }
        return appended;
    }

    private void scheduleExpiry(String session, ApprovalRequested request) {
        long delayMicros = request.expiresAt() - SessionSequencer.micros(clock.instant());
        timers.schedule(() -> expire(session, request.approvalId()), Math.max(0, delayMicros), TimeUnit.MICROSECONDS);
    }

    /** Records that an approval expired, if it is still pending and the session open. Runs on the timer. */
    void expire(String session, String approvalId) {
        if (sessions.state(session).closed()) {
            return;
        }
        sessions.append(
                        session,
                        state -> state.approval(approvalId)
                                .filter(a -> a.status() == ApprovalStatus.PENDING)
                                .map(a -> List.of(Draft.of(Actor.SERVER, new ApprovalExpired(approvalId))))
                                .orElse(List.of()))
                .exceptionally(failure -> {
                    // Nobody waits for the timer's answer; the expiry is recorded at the latest by a late answer.
                    LOG.log(Level.WARNING, "could not record that approval " + approvalId + " expired", failure);
                    return null;
                });
    }

    /**
     * An agent reports on a command it was given. A report it sends again (after a reconnect) is recognised by its
     * event id and not recorded twice.
     *
     * @throws ServerException with {@link ErrorCode#FORBIDDEN} if the command was never given to this agent
     */
    public CompletableFuture<Appended> report(Participant who, AgentReport report) {
        if (!(who instanceof Participant.Agent agent)) {
            throw new ServerException(ErrorCode.FORBIDDEN, "Only an agent reports on commands.");
        }
        return sessions.append(report.session(), state -> {
            if (!state.endpoint().id().equals(agent.endpoint().id())) {
                throw Participant.notYours();
            }
            if (sessions.recorded(report.session(), report.eventId())) {
                return List.of();
            }
            String commandId = commandOf(report.event());
            CommandStatus status =
                    state.command(commandId).map(SessionState.Command::status).orElse(null);
            if (status != CommandStatus.READY && status != CommandStatus.RUNNING) {
                throw new ServerException(
                        ErrorCode.FORBIDDEN, "Command " + commandId + " was not given to this agent to run.");
            }
            if (status == CommandStatus.READY
                    && !(report.event() instanceof dev.caisey.record.event.CommandStarted)
                    && !(report.event() instanceof CommandCancelled)) {
                throw new ServerException(ErrorCode.CONFLICT, "Command " + commandId + " has not started.");
            }
            return List.of(new Draft(agent.actor(), report.sourceAt(), report.eventId(), report.event()));
        });
    }

    private static String commandOf(dev.caisey.record.event.Event event) {
        return switch (event) {
            case dev.caisey.record.event.CommandStarted e -> e.commandId();
            case dev.caisey.record.event.CommandOutput e -> e.commandId();
            case dev.caisey.record.event.CommandFinished e -> e.commandId();
            case CommandCancelled e -> e.commandId();
            case dev.caisey.record.event.CommandTimedOut e -> e.commandId();
            default -> throw new ServerException(ErrorCode.FORBIDDEN, "An agent reports only on commands.");
        };
    }

    private static CommandRun run(String session, CommandRequested request) {
        return new CommandRun(
                session,
                request.commandId(),
                request.shell(),
                request.script(),
                request.workingDirectory(),
                request.timeoutSeconds(),
                OUTPUT_LIMIT_CHARS);
    }

    private CompletableFuture<Appended> technician(
            Participant who, String session, java.util.function.BiFunction<Actor, SessionState, List<Draft>> decide) {
        Function<SessionState, List<Draft>> checked =
                state -> decide.apply(Participant.requireTechnician(who, state).actor(), state);
        return sessions.append(session, checked);
    }

    private static String clip(String prompt) {
        return prompt.length() <= dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS
                ? prompt
                : prompt.substring(0, dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS - 1) + "…";
    }
}
