package dev.caisey.report.phrasebook;

import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows a session's events and hands on each command as a {@link CommandRun} as soon as it ends (finished,
 * cancelled, timed out, or refused by the client), so a long record is never held twice. Output is kept abbreviated
 * while it streams: the first {@value #HEAD_LINES} lines and the last {@value #TAIL_LINES}, each cut at {@value
 * #MAX_LINE_CHARS} characters, with the count of lines left out; the full text stays in the record.
 */
public final class CommandHistory {
    /** Lines of output kept from the start. */
    public static final int HEAD_LINES = 40;
    /** Lines of output kept from the end. */
    public static final int TAIL_LINES = 10;
    /** Characters kept of one output line. */
    public static final int MAX_LINE_CHARS = 240;

    private final Consumer<CommandRun> sink;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, String> approvalToCommand = new HashMap<>();

    /** A history that hands each finished command to {@code sink}. */
    public CommandHistory(Consumer<CommandRun> sink) {
        this.sink = sink;
    }

    /** Takes the next event of the session. */
    public void accept(RecordedEvent e) {
        if (e.event() instanceof CommandRequested r) {
            pending.put(r.commandId(), new Pending(r, e.actor().name(), e.at()));
        } else if (e.event() instanceof ApprovalRequested a && a.commandId() != null) {
            approvalToCommand.put(a.approvalId(), a.commandId());
        } else if (e.event() instanceof ApprovalDenied d) {
            end(approvalToCommand.get(d.approvalId()), "declined by the client; it was not run", false);
        } else if (e.event() instanceof ApprovalExpired x) {
            end(approvalToCommand.get(x.approvalId()), "nobody approved it in time; it was not run", false);
        } else if (e.event() instanceof CommandStarted s && pending.containsKey(s.commandId())) {
            pending.get(s.commandId()).startedAt = e.at();
        } else if (e.event() instanceof CommandOutput o && pending.containsKey(o.commandId())) {
            pending.get(o.commandId()).append(o.channel(), o.text());
        } else if (e.event() instanceof CommandFinished f && pending.containsKey(f.commandId())) {
            pending.get(f.commandId()).truncated = f.truncated();
            end(
                    f.commandId(),
                    "exit code " + f.exitCode() + " after " + LocalClock.runTime(f.durationMillis()),
                    f.exitCode() == 0);
        } else if (e.event() instanceof CommandCancelled c) {
            end(c.commandId(), "cancelled" + (c.reason() == null ? "" : " (" + c.reason() + ")"), false);
        } else if (e.event() instanceof CommandTimedOut t) {
            end(t.commandId(), "stopped after its time limit of " + t.timeoutSeconds() + " seconds", false);
        }
    }

    /** Hands on the commands that never ended (the session closed or was exported while they were open). */
    public void finish() {
        for (String id : new ArrayList<>(pending.keySet())) {
            end(id, pending.get(id).startedAt == null ? "never started" : "no end was recorded", false);
        }
    }

    private void end(String commandId, String ending, boolean succeeded) {
        Pending p = commandId == null ? null : pending.remove(commandId);
        if (p != null) {
            sink.accept(p.run(ending, succeeded));
        }
    }

    /** A command still open, with its output so far. */
    private static final class Pending {
        final CommandRequested request;
        final String by;
        final long at;
        Long startedAt;
        boolean truncated;
        final List<String> head = new ArrayList<>();
        final ArrayDeque<String> tail = new ArrayDeque<>();
        final StringBuilder line = new StringBuilder();
        long omitted;

        Pending(CommandRequested request, String by, long at) {
            this.request = request;
            this.by = by;
            this.at = at;
        }

        void append(OutputChannel channel, String text) {
            String prefix = channel == OutputChannel.STDERR ? "stderr: " : "";
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    push(prefix + line);
                    line.setLength(0);
                } else if (c != '\r' && line.length() <= MAX_LINE_CHARS) {
                    line.append(c);
                }
            }
        }

        private void push(String l) {
            String cut = l.length() > MAX_LINE_CHARS ? l.substring(0, MAX_LINE_CHARS) + "…" : l;
            if (head.isEmpty() && cut.isBlank()) {
                return;
            }
            if (head.size() < HEAD_LINES) {
                head.add(cut);
                return;
            }
            tail.addLast(cut);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
                omitted++;
            }
        }

        CommandRun run(String ending, boolean succeeded) {
            if (!line.isEmpty()) {
                push(line.toString());
            }
            List<String> last = new ArrayList<>(tail);
            List<String> first = new ArrayList<>(head);
            trimBlankEnd(last.isEmpty() ? first : last);
            return new CommandRun(request, by, at, startedAt, ending, succeeded, first, omitted, last, truncated);
        }

        private static void trimBlankEnd(List<String> lines) {
            while (!lines.isEmpty() && lines.getLast().isBlank()) {
                lines.removeLast();
            }
        }
    }
}
