package dev.caisey.console.session;

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
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.VerificationRecorded;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the console knows about one session at one moment, immutable: its events in order (chain-checked), its
 * commands as cards, and how it was opened and closed. Each new event makes a new snapshot; hand them between threads
 * freely.
 *
 * @param session the session id
 * @param events the events received, in order, {@code seq} 1, 2, 3… without gaps
 * @param commands the commands by id, in the order they were asked for
 * @param approvalCommands the command each approval was asked for, by approval id
 * @param opened the {@code session.opened} event, or {@code null} before it arrived
 * @param closed the {@code session.closed} event, or {@code null} while open
 */
public record SessionSnapshot(
        String session,
        EventLog events,
        Map<String, CommandView> commands,
        Map<String, String> approvalCommands,
        SessionOpened opened,
        SessionClosed closed) {

    /** A session of which nothing is known yet. */
    public static SessionSnapshot empty(String session) {
        return new SessionSnapshot(session, EventLog.empty(), Map.of(), Map.of(), null, null);
    }

    /** The number of the last event received, 0 for none. */
    public long lastSeq() {
        return events.lastSeq();
    }

    /** The command with this id, or {@code null}. */
    public CommandView command(String commandId) {
        return commands.get(commandId);
    }

    /** This snapshot with {@code e} (the next event of the chain) added. */
    SessionSnapshot plus(RecordedEvent e) {
        EventLog log = events.plus(e);
        Map<String, CommandView> cards = commands;
        Map<String, String> asked = approvalCommands;
        SessionOpened open = opened;
        SessionClosed close = closed;
        switch (e.event()) {
            case SessionOpened o -> open = o;
            case SessionClosed c -> close = c;
            case CommandRequested r ->
                cards = put(
                        cards,
                        new CommandView(
                                r.commandId(),
                                r.shell(),
                                r.script(),
                                CommandPhase.REQUESTED,
                                null,
                                null,
                                null,
                                null,
                                0,
                                e.seq()));
            case ApprovalRequested a -> {
                if (a.commandId() != null) {
                    asked = put(asked, a.approvalId(), a.commandId());
                    cards = update(cards, a.commandId(), v -> v.asked(a.prompt()));
                }
            }
            case ApprovalGranted g ->
                cards = update(
                        cards,
                        asked.get(g.approvalId()),
                        v -> v.answered(CommandPhase.APPROVED, e.actor().name(), null));
            case ApprovalDenied d ->
                cards = update(
                        cards,
                        asked.get(d.approvalId()),
                        v -> v.answered(CommandPhase.DENIED, e.actor().name(), d.reason()));
            case ApprovalExpired x ->
                cards = update(cards, asked.get(x.approvalId()), v -> v.answered(CommandPhase.EXPIRED, null, null));
            case CommandStarted s -> cards = update(cards, s.commandId(), v -> v.with(CommandPhase.RUNNING));
            case CommandOutput o ->
                cards = update(cards, o.commandId(), v -> v.output(o.text().length()));
            case CommandFinished f ->
                cards = update(cards, f.commandId(), v -> v.ended(CommandPhase.FINISHED, f.exitCode(), null));
            case CommandCancelled c ->
                cards = update(cards, c.commandId(), v -> v.ended(CommandPhase.CANCELLED, null, c.reason()));
            case CommandTimedOut t ->
                cards = update(cards, t.commandId(), v -> v.ended(CommandPhase.TIMED_OUT, null, null));
            case ParticipantJoined j -> {}
            case ParticipantLeft l -> {}
            case ChatMessage c -> {}
            case NoteAdded n -> {}
            case VerificationRecorded v -> {}
        }
        return new SessionSnapshot(session, log, cards, asked, open, close);
    }

    private static Map<String, CommandView> update(
            Map<String, CommandView> cards, String commandId, java.util.function.UnaryOperator<CommandView> change) {
        CommandView card = commandId == null ? null : cards.get(commandId);
        return card == null ? cards : put(cards, change.apply(card));
    }

    private static Map<String, CommandView> put(Map<String, CommandView> cards, CommandView card) {
        return put(cards, card.commandId(), card);
    }

    private static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }
}
