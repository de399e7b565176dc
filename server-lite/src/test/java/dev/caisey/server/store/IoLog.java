package dev.caisey.server.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One global, ordered log of what {@link RecordingFileSystem} saw (writes, truncations, forces) and of markers the
 * durability test adds ("append started", "future completed"), so their order can be checked afterwards.
 */
final class IoLog {
    /** One line of the log. */
    sealed interface Entry permits Write, Truncate, ForceStarted, ForceEnded, Marker {}

    /** Bytes written at a position of a file. */
    record Write(String file, long position, byte[] bytes) implements Entry {}

    /** A file cut to a size. */
    record Truncate(String file, long size) implements Entry {}

    /** {@code FileChannel.force} called on a file: everything written before this entry is covered. */
    record ForceStarted(String file) implements Entry {}

    /** {@code FileChannel.force} returned. */
    record ForceEnded(String file) implements Entry {}

    /** A test's note, e.g. {@code "append 3"} or {@code "done s-1/7"}. */
    record Marker(String text) implements Entry {}

    private final List<Entry> entries = new ArrayList<>();

    /** Appends an entry and returns its index. */
    synchronized int add(Entry entry) {
        entries.add(entry);
        return entries.size() - 1;
    }

    /** A copy of the log so far. */
    synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }

    /** Forgets everything (between tests). */
    synchronized void clear() {
        entries.clear();
    }
}
