package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import dev.caisey.record.protocol.AgentReport;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRun;
import dev.caisey.server.ServerException;
import dev.caisey.server.sessions.SessionState.CommandStatus;
import java.util.List;
import java.util.Optional;

/**
 * Everything between a session's record and its endpoint's agent: commands go out only once the record says they
 * are ready (requested without a hold, or approved); reports come back only for commands the agent was given, from
 * the session's own endpoint, and a report sent again is recorded once.
 */
final class AgentWork {
    /** Most output (characters, all channels) an agent sends for one command before it truncates. */
    static final long OUTPUT_LIMIT_CHARS = 1024 * 1024;

    private final Sessions sessions;
    private final AgentDispatch agents;

    AgentWork(Sessions sessions, AgentDispatch agents) {
        this.sessions = sessions;
        this.agents = agents;
    }

    /** Sends the agent every command that freshly durable events made ready. */
    void dispatch(Appended appended) {
        SessionState state = appended.state();
        for (var event : appended.events()) {
            readyCommand(state, event.event()).ifPresent(request -> send(state, request));
        }
    }

    private static Optional<CommandRequested> readyCommand(SessionState state, Event event) {
        return switch (event) {
            case CommandRequested request -> request.approvalRequired() ? Optional.empty() : Optional.of(request);
            case ApprovalGranted granted ->
                state.approval(granted.approvalId())
                        .map(a -> a.request().commandId())
                        .flatMap(state::command)
                        .map(SessionState.Command::request);
            default -> Optional.empty();
        };
    }

    /** Sends every command of a session that is ready but not started (after the agent reconnects). */
    void resend(String session) {
        SessionState state = sessions.state(session);
        state.commands().values().stream()
                .filter(c -> c.status() == CommandStatus.READY)
                .forEach(c -> send(state, c.request()));
    }

    /** Asks the agent to stop a command that is ready or running. */
    void cancel(SessionState state, CommandCancel cancel) {
        agents.cancel(state.endpoint().id(), cancel);
    }

    /** The events of an agent's report: none if it was recorded already. */
    List<Draft> report(Participant.Agent agent, SessionState state, AgentReport report) {
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
                && !(report.event() instanceof CommandStarted)
                && !(report.event() instanceof CommandCancelled)) {
            throw new ServerException(ErrorCode.CONFLICT, "Command " + commandId + " has not started.");
        }
        return List.of(new Draft(agent.actor(), report.sourceAt(), report.eventId(), report.event()));
    }

    private static String commandOf(Event event) {
        return switch (event) {
            case CommandStarted e -> e.commandId();
            case CommandOutput e -> e.commandId();
            case CommandFinished e -> e.commandId();
            case CommandCancelled e -> e.commandId();
            case CommandTimedOut e -> e.commandId();
            default -> throw new ServerException(ErrorCode.FORBIDDEN, "An agent reports only on commands.");
        };
    }

    private void send(SessionState state, CommandRequested request) {
        agents.run(
                state.endpoint().id(),
                new CommandRun(
                        state.session(),
                        request.commandId(),
                        request.shell(),
                        request.script(),
                        request.workingDirectory(),
                        request.timeoutSeconds(),
                        OUTPUT_LIMIT_CHARS));
    }
}
