package dev.caisey.console.timeline;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.timeline.ApprovalPath.Stage;
import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.console.timeline.TimelineRow.Mark;
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
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Milestones;
import dev.caisey.report.phrasebook.Narrative;
import dev.caisey.report.phrasebook.Phrasebook;
import dev.caisey.report.phrasebook.TimelineEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns pages of a session's events into timeline rows, off the UI thread, one page after the other. It exists so the
 * wording stays the report's ({@link Narrative} words every event, {@link Milestones.Collector} gathers the headline)
 * while the viewer adds what only it needs: the UTC time for the tooltip, the verification mark, and each command's
 * {@link ApprovalPath}, which grows as later pages bring the approval, the start and the end. Output chunks make no
 * row: they are read again when a command is expanded. Not thread-safe; the view model hands it one page at a time.
 */
final class RowBuilder {
    /**
     * The rows one page made.
     *
     * @param added the new rows, in {@code seq} order
     * @param replaced command rows of earlier pages whose path grew
     * @param headline the headline after this page
     * @param clock the organisation's clock
     * @param lastSeq the {@code seq} of the page's last event
     */
    record Batch(
            List<EventRow> added, List<EventRow> replaced, HeadlineFigures headline, LocalClock clock, long lastSeq) {}

    private final Milestones.Collector milestones = new Milestones.Collector();
    private final Map<String, EventRow> openCommands = new HashMap<>();
    private final Map<String, String> approvalToCommand = new HashMap<>();
    private Narrative narrative;
    private LocalClock clock;
    private List<EventRow> added;
    private Map<String, Integer> addedAt;
    private Map<String, EventRow> replaced;
    private String session;
    private long seq;

    /** The rows of the next page of events, which follow the previous page's without a gap. */
    Batch next(List<RecordedEvent> events) {
        check(events);
        added = new ArrayList<>(events.size());
        addedAt = new HashMap<>();
        replaced = new LinkedHashMap<>();
        long last = 0;
        for (RecordedEvent e : events) {
            accept(e);
            last = e.seq();
        }
        HeadlineFigures headline = narrative == null ? null : HeadlineFigures.of(milestones.milestones(), clock);
        return new Batch(List.copyOf(added), List.copyOf(replaced.values()), headline, clock, last);
    }

    /** Refuses a page that is not the continuation of the previous one, before taking any of it. */
    private void check(List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String expectedSession = session != null ? session : events.getFirst().session();
        long expected = seq + 1;
        for (RecordedEvent e : events) {
            if (e.seq() != expected || !expectedSession.equals(e.session())) {
                throw new ConsoleException(
                        ConsoleException.Failure.BROKEN_RECORD,
                        "The stored record of this session is out of order: event " + expected + " of "
                                + expectedSession
                                + " was expected, event " + e.seq() + " of " + e.session()
                                + " came. Sync the session again.");
            }
            expected++;
        }
        session = expectedSession;
        seq = events.getLast().seq();
    }

    private void accept(RecordedEvent e) {
        if (narrative == null) {
            if (!(e.event() instanceof SessionOpened opened)) {
                throw new ConsoleException(
                        ConsoleException.Failure.BROKEN_RECORD,
                        "This record does not start with the session opening (event " + e.seq() + " is "
                                + e.type().wireName() + "), so it cannot be shown as a timeline.");
            }
            clock = LocalClock.of(opened.organisation().timeZone());
            narrative = new Narrative(Phrasebook.standard(), clock);
        }
        milestones.accept(e);
        TimelineEntry entry = narrative.next(e);
        String time = entry.time();
        String who = e.actor().name();
        String commandId = null;
        Mark mark = Mark.NONE;
        switch (e.event()) {
            case SessionOpened o -> {}
            case ParticipantJoined j -> {}
            case ParticipantLeft l -> {}
            case ChatMessage c -> {}
            case NoteAdded n -> {}
            case SessionClosed c -> {}
            case CommandRequested r -> commandId = r.commandId();
            case ApprovalRequested a -> {
                commandId = a.commandId();
                if (commandId != null) {
                    approvalToCommand.put(a.approvalId(), commandId);
                    step(commandId, Stage.PROMPTED, time, "", e.seq());
                }
            }
            case ApprovalGranted g ->
                commandId = step(approvalToCommand.get(g.approvalId()), Stage.APPROVED, time, "by " + who, e.seq());
            case ApprovalDenied d ->
                commandId = step(approvalToCommand.get(d.approvalId()), Stage.DENIED, time, "by " + who, e.seq());
            case ApprovalExpired x ->
                commandId = step(approvalToCommand.get(x.approvalId()), Stage.EXPIRED, time, "", e.seq());
            case CommandStarted s -> commandId = step(s.commandId(), Stage.STARTED, time, "", e.seq());
            case CommandOutput o -> {
                return; // shown under its command when expanded
            }
            case CommandFinished f ->
                commandId = step(f.commandId(), Stage.FINISHED, time, "exit " + f.exitCode(), e.seq());
            case CommandCancelled c -> commandId = step(c.commandId(), Stage.CANCELLED, time, "", e.seq());
            case CommandTimedOut t -> commandId = step(t.commandId(), Stage.TIMED_OUT, time, "", e.seq());
            case VerificationRecorded v -> {
                commandId = v.commandId();
                mark = v.verdict() == Verdict.PASSED ? Mark.PASSED : Mark.FAILED;
            }
        }
        String utc = clock.utcTime(e.at()) + " UTC";
        if (e.event() instanceof CommandRequested r) {
            EventRow row = new EventRow(entry, e.type(), utc, commandId, ApprovalPath.requested(time, e.seq()), mark);
            openCommands.put(r.commandId(), row);
            addedAt.put(r.commandId(), added.size());
            added.add(row);
        } else {
            added.add(new EventRow(entry, e.type(), utc, commandId, null, mark));
        }
    }

    /** Adds a step to an open command's path; returns the command id (or {@code null} when it is not known). */
    private String step(String commandId, Stage stage, String time, String note, long seq) {
        EventRow row = commandId == null ? null : openCommands.get(commandId);
        if (row == null) {
            return commandId;
        }
        EventRow longer = row.withPath(row.path().then(stage, time, note, seq));
        if (stage.ends()) {
            openCommands.remove(commandId);
        } else {
            openCommands.put(commandId, longer);
        }
        Integer index = addedAt.get(commandId);
        if (index != null) {
            added.set(index, longer);
        } else {
            replaced.put(commandId, longer);
        }
        return commandId;
    }
}
