package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ApprovalRequest;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.report.phrasebook.Phrase;
import dev.caisey.report.phrasebook.Phrasebook;
import dev.caisey.server.ServerException;
import dev.caisey.server.approvals.RiskRules;
import dev.caisey.server.sessions.SessionState.ApprovalStatus;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The approval gate: which commands are held for the client's consent (the organisation's policy, or the technician's
 * wish), the client's answer, and expiry. The only way a held command becomes ready to run is an {@code
 * approval.granted} from the session's own client before the deadline; denial, expiry and closing the session are
 * recorded and nothing runs.
 */
final class ApprovalGate {
    private static final System.Logger LOG = System.getLogger(ApprovalGate.class.getName());
    private static final Phrasebook PHRASEBOOK = Phrasebook.standard();

    private final Sessions sessions;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Duration approvalWait;

    ApprovalGate(Sessions sessions, ScheduledExecutorService timers, Clock clock, Duration approvalWait) {
        this.sessions = sessions;
        this.timers = timers;
        this.clock = clock;
        this.approvalWait = approvalWait;
    }

    /** The events of a technician's command request: the request, and the approval request if it is held. */
    List<Draft> request(Actor technician, SessionState state, CommandRequest request) {
        if (state.command(request.commandId()).isPresent()) {
            throw new ServerException(ErrorCode.CONFLICT, "Command " + request.commandId() + " was already requested.");
        }
        boolean held = request.requireApproval()
                || RiskRules.requiresApproval(state.organisation().approvalPolicy(), request.script());
        List<Draft> drafts = new ArrayList<>();
        drafts.add(Draft.of(
                technician,
                new CommandRequested(
                        request.commandId(),
                        request.shell(),
                        request.script(),
                        request.workingDirectory(),
                        request.timeoutSeconds(),
                        request.summary(),
                        held)));
        if (held) {
            String prompt = prompt(request);
            drafts.add(Draft.of(
                    Actor.SERVER,
                    new ApprovalRequested(
                            "apr-" + request.commandId(),
                            request.commandId(),
                            clip(prompt),
                            RiskRules.reason(request.script())
                                    .map(r -> "This command " + r + ".")
                                    .orElse(null),
                            Micros.of(clock.instant().plus(approvalWait)))));
        }
        return drafts;
    }

    /**
     * What the client is asked, as recorded: the technician's summary, else the phrasebook's words for the command
     * (the same the client's page shows), else the command itself.
     */
    private static String prompt(CommandRequest request) {
        if (request.summary() != null) {
            return request.summary();
        }
        Phrase phrase = PHRASEBOOK.phrase(request.shell(), request.script());
        return phrase.recognised()
                ? Character.toUpperCase(phrase.todo().charAt(0)) + phrase.todo().substring(1)
                : "Run this command: " + request.script();
    }

    /** The events of a yes-or-no question that is not tied to a command. */
    List<Draft> ask(Actor technician, SessionState state, ApprovalRequest request) {
        if (request.commandId() != null) {
            throw new ServerException(
                    ErrorCode.INVALID, "To hold a command for approval, request it with requireApproval.");
        }
        if (state.approval(request.approvalId()).isPresent()) {
            throw new ServerException(
                    ErrorCode.CONFLICT, "Approval " + request.approvalId() + " was already asked for.");
        }
        long expiresAt = Micros.of(clock.instant().plusSeconds(request.expiresInSeconds()));
        return List.of(Draft.of(
                technician,
                new ApprovalRequested(request.approvalId(), null, request.prompt(), request.detail(), expiresAt)));
    }

    /** The events of the client's answer to a pending request; past the deadline, the expiry instead. */
    List<Draft> answer(Participant who, SessionState state, ApprovalAnswer answer) {
        Actor client = Participant.requireClient(who, state).actor();
        SessionState.Approval approval = state.approval(answer.approvalId())
                .orElseThrow(
                        () -> new ServerException(ErrorCode.NOT_FOUND, "There is no such request in this session."));
        if (approval.status() != ApprovalStatus.PENDING) {
            throw new ServerException(
                    ErrorCode.CONFLICT,
                    "This request was already " + approval.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        if (Micros.now(clock) >= approval.request().expiresAt()) {
            return List.of(Draft.of(Actor.SERVER, new ApprovalExpired(answer.approvalId())));
        }
        return List.of(Draft.of(
                client,
                answer.approve()
                        ? new ApprovalGranted(answer.approvalId())
                        : new ApprovalDenied(answer.approvalId(), answer.reason())));
    }

    /**
     * Refuses the client's answer if what got recorded was the expiry: the deadline passed before the timer recorded
     * it, so nothing will run.
     */
    static Appended refuseIfExpired(Appended appended, ApprovalAnswer answer) {
        boolean expired = appended.events().stream()
                .anyMatch(e ->
                        e.event() instanceof ApprovalExpired x && x.approvalId().equals(answer.approvalId()));
        if (expired) {
            throw new ServerException(
                    ErrorCode.CONFLICT,
                    "This request expired before your answer, so nothing will run; your technician can ask again.");
        }
        return appended;
    }

    /** The expiries of every approval still pending when a session closes. */
    static List<Draft> expireAllPending(SessionState state) {
        return state.approvals().values().stream()
                .filter(a -> a.status() == ApprovalStatus.PENDING)
                .map(a -> Draft.of(Actor.SERVER, new ApprovalExpired(a.request().approvalId())))
                .toList();
    }

    /** Starts the timers of the approval requests among freshly durable events. */
    void scheduleExpiries(Appended appended) {
        for (var event : appended.events()) {
            if (event.event() instanceof ApprovalRequested request) {
                schedule(appended.state().session(), request);
            }
        }
    }

    /** After a restart: starts the timers of every approval a session still waits for (overdue ones fire at once). */
    void resume(SessionState state) {
        state.approvals().values().stream()
                .filter(a -> a.status() == ApprovalStatus.PENDING)
                .forEach(a -> schedule(state.session(), a.request()));
    }

    private void schedule(String session, ApprovalRequested request) {
        long delayMicros = request.expiresAt() - Micros.now(clock);
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

    private static String clip(String prompt) {
        return prompt.length() <= Limits.MAX_SHORT_TEXT_CHARS
                ? prompt
                : prompt.substring(0, Limits.MAX_SHORT_TEXT_CHARS - 1) + "…";
    }
}
