package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandCancelled;
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
import dev.caisey.record.protocol.NoteAdd;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.sessions.SessionState.CommandStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What participants can do to sessions, each decision taken by the session's sequencer against its current state:
 * who may act is checked first, then whether the act fits the session, and only then are events appended. The
 * approval rules are the {@link ApprovalGate}'s, the traffic with the agent is {@link AgentWork}'s; this class is the
 * one entry point the connection channels call.
 */
public final class SessionCommands {
    /** How long the client has to answer an approval unless the technician says otherwise. */
    public static final Duration DEFAULT_APPROVAL_WAIT = Duration.ofMinutes(5);

    private final Sessions sessions;
    private final Directory directory;
    private final ApprovalGate gate;
    private final AgentWork work;

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
        this.gate = new ApprovalGate(sessions, timers, clock, approvalWait);
        this.work = new AgentWork(sessions, agents);
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
            List<Draft> drafts = new ArrayList<>(ApprovalGate.expireAllPending(state));
            drafts.add(Draft.of(actor, new SessionClosed(close.resolution(), close.outcome())));
            return drafts;
        });
    }

    /**
     * The technician asks for a command. It runs at once, or is held for the client's approval when the
     * organisation's policy or the technician asks for it.
     */
    public CompletableFuture<Appended> request(Participant who, CommandRequest request) {
        return technician(who, request.session(), (actor, state) -> gate.request(actor, state, request))
                .thenApply(this::afterDurable);
    }

    /** The technician asks the client a yes-or-no question that is not tied to a command. */
    public CompletableFuture<Appended> ask(Participant who, ApprovalRequest request) {
        return technician(who, request.session(), (actor, state) -> gate.ask(actor, state, request))
                .thenApply(this::afterDurable);
    }

    /** The client approves or denies a pending request; an approved command is sent to the agent. */
    public CompletableFuture<Appended> answer(Participant who, ApprovalAnswer answer) {
        return sessions.append(answer.session(), state -> gate.answer(who, state, answer))
                .thenApply(this::afterDurable)
                .thenApply(appended -> ApprovalGate.refuseIfExpired(appended, answer));
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
                work.cancel(state, cancel);
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
        work.resend(session);
    }

    /** After a restart: restarts the approval timers of an open session. */
    public void resume(SessionState state) {
        gate.resume(state);
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
        return sessions.append(report.session(), state -> work.report(agent, state, report));
    }

    /** What follows once decisions are durable: ready commands go to the agent, approval timers start. */
    private Appended afterDurable(Appended appended) {
        work.dispatch(appended);
        gate.scheduleExpiries(appended);
        return appended;
    }

    private CompletableFuture<Appended> technician(
            Participant who, String session, java.util.function.BiFunction<Actor, SessionState, List<Draft>> decide) {
        Function<SessionState, List<Draft>> checked =
                state -> decide.apply(Participant.requireTechnician(who, state).actor(), state);
        return sessions.append(session, checked);
    }
}
