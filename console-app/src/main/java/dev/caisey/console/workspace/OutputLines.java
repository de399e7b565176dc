package dev.caisey.console.workspace;

import dev.caisey.record.event.OutputChannel;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One command's output as lines for a virtualized list: chunks arrive cut anywhere, so the last line of each channel
 * stays open until its line break comes. Escape sequences are removed, carriage returns dropped. A chunk becomes at
 * most one replaced line and one batch of added lines, which keeps megabytes of output cheap to show. UI thread only.
 */
public final class OutputLines {
    private final ObservableList<OutputLine> lines = FXCollections.observableArrayList();
    private final Ansi outAnsi = new Ansi();
    private final Ansi errAnsi = new Ansi();
    private int openOut = -1;
    private int openErr = -1;
    private long chars;

    /** The lines, for a list view. */
    public ObservableList<OutputLine> lines() {
        return lines;
    }

    /** Characters of output taken so far (before escape sequences were removed). */
    public long chars() {
        return chars;
    }

    /** Adds a chunk of output. */
    public void append(OutputChannel channel, String chunk) {
        chars += chunk.length();
        boolean error = channel == OutputChannel.STDERR;
        String text = (error ? errAnsi : outAnsi).strip(chunk).replace("\r", "");
        if (text.isEmpty()) {
            return;
        }
        int open = error ? openErr : openOut;
        String[] parts = text.split("\n", -1);
        int first = 0;
        if (open >= 0) {
            lines.set(open, new OutputLine(lines.get(open).text() + parts[0], error));
            first = 1;
        }
        List<OutputLine> added = new ArrayList<>(parts.length);
        for (int i = first; i < parts.length; i++) {
            added.add(new OutputLine(parts[i], error));
        }
        // The part after the last line break is the new open line; if it is empty, keep it out of sight for now.
        boolean endsOpen = !parts[parts.length - 1].isEmpty();
        if (!endsOpen && !added.isEmpty()) {
            added.removeLast();
        }
        int start = lines.size();
        lines.addAll(added);
        int nextOpen;
        if (endsOpen) {
            nextOpen = added.isEmpty() ? open : start + added.size() - 1;
        } else {
            nextOpen = -1;
        }
        if (error) {
            openErr = nextOpen;
        } else {
            openOut = nextOpen;
        }
    }

    /** Ends the output with a line saying the rest was not kept (the server keeps a limited amount per command). */
    public void truncated() {
        openOut = -1;
        openErr = -1;
        lines.add(new OutputLine(
                "[Output stops here: the command printed more than the record keeps for one command (" + chars
                        + " characters kept). Redirect long output to a file on the endpoint to keep all of it.]",
                true));
    }

    /** All the text, lines joined with line breaks (for copying). */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (OutputLine l : lines) {
            all.append(l.text()).append('\n');
        }
        return all.toString();
    }

    /** An empty list for commands that have no output (shared, never changed). */
    static ObservableList<OutputLine> none() {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList());
    }
}
