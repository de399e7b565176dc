package dev.caisey.console.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The scripts run in a workspace, for Up and Down in the command input like a shell's history: Up walks back from the
 * newest, Down walks forward and ends at what was being typed before the walk began. Repeats in a row are kept once.
 */
final class CommandHistory {
    /** Scripts kept; the oldest go first. */
    static final int MAX_ENTRIES = 500;

    private final List<String> entries = new ArrayList<>();
    private int position;
    private String draft = "";

    /** Remembers a script that was run and ends any walk. */
    void add(String script) {
        if (entries.isEmpty() || !entries.getLast().equals(script)) {
            entries.add(script);
            if (entries.size() > MAX_ENTRIES) {
                entries.removeFirst();
            }
        }
        position = entries.size();
        draft = "";
    }

    /** The previous script, or {@code null} at the oldest; {@code current} is kept as the draft when a walk starts. */
    String up(String current) {
        if (position == 0) {
            return null;
        }
        if (position == entries.size()) {
            draft = current;
        }
        position--;
        return entries.get(position);
    }

    /** The next script, the draft after the newest, or {@code null} when not walking. */
    String down() {
        if (position >= entries.size()) {
            return null;
        }
        position++;
        return position == entries.size() ? draft : entries.get(position);
    }

    int size() {
        return entries.size();
    }
}
