package dev.caisey.console.timeline;

import dev.caisey.console.timeline.TimelineRow.OutputRow;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one command's output back from the source when its row is expanded, off the UI thread: the chunks between the
 * command's request and its end, joined into lines, of which the last {@value #MAX_LINES} are kept with a note of how
 * many came before. It exists so the timeline never holds output in memory for commands nobody opens; a command that
 * printed megabytes costs one pass over its events when, and only when, someone asks to see it.
 */
final class OutputAssembler {
    /** Lines of a command's output shown at most: the last ones. */
    static final int MAX_LINES = 2_000;

    /** Events read from the source per page while assembling. */
    static final int PAGE_EVENTS = 5_000;

    private final ArrayDeque<OutputRow> lines = new ArrayDeque<>();
    private final long seq;
    private final StringBuilder partial = new StringBuilder();
    private OutputChannel partialChannel = OutputChannel.STDOUT;
    private long omitted;

    private OutputAssembler(long seq) {
        this.seq = seq;
    }

    /**
     * The output rows of command {@code commandId}, requested by event {@code fromSeq}, from the events after it up to
     * {@code toSeq}; shown under the row with that {@code seq}.
     */
    static List<OutputRow> read(TimelineSource source, String commandId, long fromSeq, long toSeq) {
        OutputAssembler out = new OutputAssembler(fromSeq);
        long after = fromSeq;
        while (after < toSeq) {
            List<RecordedEvent> page = source.events(after, (int) Math.min(PAGE_EVENTS, toSeq - after));
            if (page.isEmpty()) {
                break;
            }
            for (RecordedEvent e : page) {
                if (e.event() instanceof CommandOutput o && o.commandId().equals(commandId)) {
                    out.take(o.channel(), o.text());
                }
            }
            after = page.getLast().seq();
        }
        return out.rows();
    }

    private void take(OutputChannel channel, String text) {
        if (channel != partialChannel && !partial.isEmpty()) {
            push();
        }
        partialChannel = channel;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                push();
            } else if (c != '\r') {
                partial.append(c);
            }
        }
    }

    private void push() {
        lines.addLast(new OutputRow(seq, partial.toString(), partialChannel == OutputChannel.STDERR, false));
        partial.setLength(0);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
            omitted++;
        }
    }

    private List<OutputRow> rows() {
        if (!partial.isEmpty()) {
            push();
        }
        List<OutputRow> rows = new ArrayList<>(lines.size() + 1);
        if (omitted > 0) {
            rows.add(new OutputRow(
                    seq, String.format(java.util.Locale.ROOT, "%,d earlier lines not shown", omitted), false, true));
        } else if (lines.isEmpty()) {
            rows.add(new OutputRow(seq, "This command printed nothing.", false, true));
        }
        rows.addAll(lines);
        return List.copyOf(rows);
    }
}
