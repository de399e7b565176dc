package dev.caisey.server.sessions;

import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Endpoint;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.VerificationRecorded;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the server knows about one session, derived only from its events: the record is the single source of truth,
 * and this is a fold over it. Immutable; {@link #apply} returns the next state. After a restart the server rebuilds it
 * by replaying the stored events.
 *
 * @param session the session id
 * @param organisation the client organisation, with the settings in force when the session opened
 * @param endpoint the endpoint worked on
 * @param technician who opened the session
 * @param commands every command requested so far, by id
 * @param approvals every approval asked for so far, by id
 * @param closed whether {@code session.closed} was recorded
 * @param lastSeq the number of the last event applied
 */
public record SessionState(
        String session,
        Organisation organisation,
        Endpoint endpoint,
        Actor technician,
        Map<String, Command> commands,
        Map<String, Approval> approvals,
        boolean closed,
        long lastSeq) {

    /** Where a command is in its life. */
    public enum CommandStatus {
        /** Held until the client answers. */
        AWAITING_APPROVAL,
        /** Sent to the agent (or waiting for it to connect); not started yet. */
        READY,
        /** The agent started it. */
        RUNNING,
        /** It exited. */
        FINISHED,
        /** Denied, expired or cancelled before it ran, or cancelled while running. */
        CANCELLED,
        /** Killed for running past its time limit. */
        TIMED_OUT;

        /** Whether nothing more will happen to the command. */
        public boolean isFinal() {
            return this == FINISHED || this == CANCELLED || this == TIMED_OUT;
        }
    }

    /** What an approval is waiting for or got. */
    public enum ApprovalStatus {
        /** Waiting for the client. */
        PENDING,
        /** The client approved. */
        GRANTED,
        /** The client denied. */
        DENIED,
        /** Nobody answered in time. */
        EXPIRED
    }

    /** A command and its status. */
    public record Command(CommandRequested request, CommandStatus status) {}

    /** An approval request and its status. */
    public record Approval(ApprovalRequested request, ApprovalStatus status) {}

    /** Copies the maps. */
    public SessionState {
        commands = Map.copyOf(commands);
        approvals = Map.copyOf(approvals);
    }

    /** The state after a session's first event. */
    public static SessionState opened(RecordedEvent first) {
        if (!(first.event() instanceof SessionOpened opened) || first.seq() != 1) {
            throw new IllegalArgumentException("a session's first event is session.opened");
        }
        return new SessionState(
                first.session(), opened.organisation(), opened.endpoint(), first.actor(), Map.of(), Map.of(), false, 1);
    }

    /** The command with an id, if requested in this session. */
    public Optional<Command> command(String commandId) {
        return Optional.ofNullable(commands.get(commandId));
    }

    /** The approval with an id, if asked for in this session. */
    public Optional<Approval> approval(String approvalId) {
        return Optional.ofNullable(approvals.get(approvalId));
    }

    /** The state after the next event. */
    public SessionState apply(RecordedEvent recorded) {
        if (recorded.seq() != lastSeq + 1) {
            throw new IllegalArgumentException("event " + recorded.seq() + " does not follow " + lastSeq);
        }
        SessionState next = withSeq(recorded.seq());
        return switch (recorded.event()) {
            case SessionOpened opened -> throw new IllegalArgumentException("a session opens only once");
            case ParticipantJoined joined -> next;
            case ParticipantLeft left -> next;
            case ChatMessage chat -> next;
            case NoteAdded note -> next;
            case VerificationRecorded verification -> next;
            case CommandRequested request ->
                next.withCommand(new Command(
                        request, request.approvalRequired() ? CommandStatus.AWAITING_APPROVAL : CommandStatus.READY));
            case ApprovalRequested request ->
                next.withApproval(new Approval(request, ApprovalStatus.PENDING))
                        .commandStatus(request.commandId(), CommandStatus.AWAITING_APPROVAL);
            case ApprovalGranted granted ->
                next.answer(granted.approvalId(), ApprovalStatus.GRANTED, CommandStatus.READY);
            case ApprovalDenied denied ->
                next.answer(denied.approvalId(), ApprovalStatus.DENIED, CommandStatus.CANCELLED);
            case ApprovalExpired expired ->
                next.answer(expired.approvalId(), ApprovalStatus.EXPIRED, CommandStatus.CANCELLED);
            case CommandStarted started -> next.commandStatus(started.commandId(), CommandStatus.RUNNING);
            case CommandOutput output -> next;
            case CommandFinished finished -> next.commandStatus(finished.commandId(), CommandStatus.FINISHED);
            case CommandCancelled cancelled -> next.commandStatus(cancelled.commandId(), CommandStatus.CANCELLED);
            case CommandTimedOut timedOut -> next.commandStatus(timedOut.commandId(), CommandStatus.TIMED_OUT);
            case SessionClosed close ->
                new SessionState(
                        session, organisation, endpoint, technician, commands, approvals, true, recorded.seq());
        };
    }

    private SessionState withSeq(long seq) {
        return new SessionState(session, organisation, endpoint, technician, commands, approvals, closed, seq);
    }

    private SessionState withCommand(Command command) {
        Map<String, Command> map = new HashMap<>(commands);
        map.put(command.request().commandId(), command);
        return new SessionState(session, organisation, endpoint, technician, map, approvals, closed, lastSeq);
    }

    private SessionState withApproval(Approval approval) {
        Map<String, Approval> map = new HashMap<>(approvals);
        map.put(approval.request().approvalId(), approval);
        return new SessionState(session, organisation, endpoint, technician, commands, map, closed, lastSeq);
    }

    private SessionState answer(String approvalId, ApprovalStatus status, CommandStatus commandStatus) {
        Approval approval = approvals.get(approvalId);
        if (approval == null) {
            return this;
        }
        return withApproval(new Approval(approval.request(), status))
                .commandStatus(approval.request().commandId(), commandStatus);
    }

    private SessionState commandStatus(String commandId, CommandStatus status) {
        Command command = commandId == null ? null : commands.get(commandId);
        return command == null ? this : withCommand(new Command(command.request(), status));
    }
}
