package dev.caisey.report.phrasebook;

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
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.event.VerificationRecorded;
import dev.caisey.report.phrasebook.TimelineEntry.Kind;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a session's story one event at a time, in plain language: each event becomes a {@link TimelineEntry} with the
 * actor's name and the local time. This is the one place where event types are worded (an exhaustive switch over the
 * sealed catalog), so a new event type fails to compile here until it has words.
 *
 * <p>Feed it the events of one session in order ({@link #next}); it remembers the commands and approval prompts it has
 * seen so that later events can name them ("Maria Lopez approved “Restart the Print Spooler service”"). Not
 * thread-safe.
 */
public final class Narrative {
    private final Phrasebook phrasebook;
    private final LocalClock clock;
    private final Map<String, CommandRequested> commands = new HashMap<>();
    private final Map<String, ApprovalRequested> approvals = new HashMap<>();
    private String endpoint = "the computer";

    /** A narrative that words commands with {@code phrasebook} and shows times on {@code clock}. */
    public Narrative(Phrasebook phrasebook, LocalClock clock) {
        this.phrasebook = phrasebook;
        this.clock = clock;
    }

    /** The timeline line of the next event of the session. */
    public TimelineEntry next(RecordedEvent e) {
        String who = e.actor().name();
        return switch (e.event()) {
            case SessionOpened o -> {
                endpoint = o.endpoint().name();
                String ticket = o.ticket() == null ? "" : " for ticket " + o.ticket();
                yield entry(e, who + " connected to " + endpoint + ticket, null, Kind.SESSION);
            }
            case ParticipantJoined j -> entry(e, joined(e.actor().role(), who) + via(j.via()), null, Kind.PRESENCE);
            case ParticipantLeft l -> entry(e, who + " left the session" + paren(l.reason()), null, Kind.PRESENCE);
            case ChatMessage c -> entry(e, who + " wrote: “" + c.text() + "”", null, Kind.CHAT);
            case NoteAdded n -> entry(e, who + " added a note: “" + n.text() + "”", null, Kind.NOTE);
            case CommandRequested r -> {
                commands.put(r.commandId(), r);
                String approval = r.approvalRequired() ? ", which needs the client’s approval" : "";
                yield entry(e, who + " asked to " + todo(r.commandId()) + approval, exact(r), Kind.COMMAND);
            }
            case ApprovalRequested a -> {
                approvals.put(a.approvalId(), a);
                String until = " (open until " + clock.time(a.expiresAt()) + ")";
                yield entry(
                        e, "The client was asked to approve: “" + a.prompt() + "”" + until, a.detail(), Kind.APPROVAL);
            }
            case ApprovalGranted g -> entry(e, who + " approved “" + prompt(g.approvalId()) + "”", null, Kind.APPROVAL);
            case ApprovalDenied d ->
                entry(
                        e,
                        who + " declined “" + prompt(d.approvalId()) + "”" + paren(d.reason()) + "; nothing was run",
                        null,
                        Kind.PROBLEM);
            case ApprovalExpired x ->
                entry(
                        e,
                        "Nobody answered “" + prompt(x.approvalId()) + "” in time; nothing was run",
                        null,
                        Kind.PROBLEM);
            case CommandStarted s -> entry(e, endpoint + " began to " + todo(s.commandId()), null, Kind.COMMAND);
            case CommandOutput o ->
                entry(
                        e,
                        endpoint + " reported " + lines(o.text())
                                + (o.channel().wireName().equals("stderr") ? " of error output" : " of output"),
                        null,
                        Kind.COMMAND);
            case CommandFinished f -> finished(e, f);
            case CommandCancelled c ->
                entry(
                        e,
                        "Stopped before it finished: " + todo(c.commandId()) + paren(c.reason()),
                        exact(c.commandId()),
                        Kind.PROBLEM);
            case CommandTimedOut t ->
                entry(
                        e,
                        "Took longer than its limit of "
                                + LocalClock.duration(java.time.Duration.ofSeconds(t.timeoutSeconds()))
                                + " and was stopped: " + todo(t.commandId()),
                        exact(t.commandId()),
                        Kind.PROBLEM);
            case VerificationRecorded v ->
                v.verdict() == Verdict.PASSED
                        ? entry(e, who + " verified the fix: " + v.statement(), checkedWith(v), Kind.VERIFIED)
                        : entry(
                                e,
                                who + " checked the fix, and it does not work yet: " + v.statement(),
                                checkedWith(v),
                                Kind.PROBLEM);
            case SessionClosed c ->
                entry(
                        e,
                        who + " closed the session — " + Outcomes.words(c.outcome()) + ": " + c.resolution(),
                        null,
                        Kind.SESSION);
        };
    }

    /** The phrase of a command seen earlier in the session, or the fallback. */
    public Phrase phraseOf(String commandId) {
        CommandRequested r = commands.get(commandId);
        return r == null ? Phrase.FALLBACK : phrase(r);
    }

    /** The phrase for a command request: the phrasebook's, or the technician's own summary where no rule applies. */
    public Phrase phrase(CommandRequested r) {
        Phrase phrase = phrasebook.phrase(r.shell(), r.script());
        if (!phrase.recognised() && r.summary() != null) {
            String summary = Phrase.capitalise(r.summary());
            return new Phrase("run a command to “" + summary + "”", "Ran a command to “" + summary + "”", false);
        }
        return phrase;
    }

    private TimelineEntry finished(RecordedEvent e, CommandFinished f) {
        Phrase phrase = phraseOf(f.commandId());
        String took = LocalClock.runTime(f.durationMillis());
        if (f.exitCode() == 0) {
            return entry(e, phrase.done() + " — finished successfully in " + took, exact(f.commandId()), Kind.COMMAND);
        }
        return entry(
                e,
                "Tried to " + phrase.todo() + ", but it reported a failure (exit code " + f.exitCode() + ")",
                exact(f.commandId()),
                Kind.PROBLEM);
    }

    private TimelineEntry entry(RecordedEvent e, String text, String detail, Kind kind) {
        return new TimelineEntry(
                e.seq(), e.at(), clock.time(e.at()), e.actor().role(), e.actor().name(), text, detail, kind);
    }

    private String todo(String commandId) {
        return phraseOf(commandId).todo();
    }

    private String prompt(String approvalId) {
        ApprovalRequested a = approvals.get(approvalId);
        return a == null ? "a request (" + approvalId + ")" : a.prompt();
    }

    private String exact(String commandId) {
        CommandRequested r = commands.get(commandId);
        return r == null ? null : exact(r);
    }

    private static String exact(CommandRequested r) {
        return (r.shell().wireName().equals("powershell") ? "PowerShell" : "sh") + ": " + r.script();
    }

    private String checkedWith(VerificationRecorded v) {
        String command = v.commandId() == null ? null : exact(v.commandId());
        return command == null ? "Checked by hand" : "Checked with " + command;
    }

    private static String joined(Role role, String who) {
        return switch (role) {
            case AGENT -> "The computer " + who + " joined the session";
            case CLIENT, TECHNICIAN, SERVER -> who + " joined the session";
        };
    }

    private static String via(String via) {
        return via == null ? "" : " (" + ("browser".equals(via) ? "web browser" : via) + ")";
    }

    private static String paren(String text) {
        return text == null ? "" : " (" + text + ")";
    }

    private static String lines(String text) {
        long n = text.strip().lines().count();
        return n <= 1 ? "a line" : n + " lines";
    }
}
