package dev.caisey.agent.exec;

import dev.caisey.record.Limits;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.OutputChannel;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns a command's stdout and stderr into {@code command.output} events: text is buffered per channel and sent when a
 * chunk is full or its oldest character has waited {@code lingerNanos}, so a flood of tiny lines becomes a few large
 * chunks. A chunk holds at most {@link Limits#MAX_OUTPUT_CHUNK_CHARS} characters and at most {@link
 * #CHUNK_BUDGET_BYTES} once escaped in JSON (control characters take six bytes each), so it always fits in one wire
 * message; a surrogate pair is never split. After {@code limitChars} characters (both channels together) the rest is
 * dropped and the command is marked truncated.
 */
final class OutputCollector {
    /** Most bytes a chunk's text may take in JSON, leaving room in the message for the envelope. */
    static final int CHUNK_BUDGET_BYTES = Limits.MAX_MESSAGE_BYTES / 2;

    private final CommandKey command;
    private final Reporter reporter;
    private final long limitChars;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final StringBuilder[] buffers = {new StringBuilder(), new StringBuilder()};
    private final long[] bufferCost = new long[2];
    private final long[] firstAt = new long[2];
    private final long[] offsets = new long[2];
    private long acceptedChars;
    private boolean truncated;

    OutputCollector(CommandKey command, Reporter reporter, long limitChars, long lingerNanos) {
        this.command = command;
        this.reporter = reporter;
        this.limitChars = limitChars;
        this.lingerNanos = lingerNanos;
    }

    /** Takes decoded text from a channel; sends full chunks at once. */
    void accept(OutputChannel channel, CharSequence text) throws InterruptedException {
        if (text.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (truncated) {
                return;
            }
            int take = text.length();
            if (acceptedChars + take > limitChars) {
                take = (int) (limitChars - acceptedChars);
                if (take > 0 && Character.isHighSurrogate(text.charAt(take - 1))) {
                    take--;
                }
                truncated = true;
            }
            int c = channel.ordinal();
            if (buffers[c].isEmpty()) {
                firstAt[c] = System.nanoTime();
            }
            buffers[c].append(text, 0, take);
            bufferCost[c] += cost(text, 0, take);
            acceptedChars += take;
            while (buffers[c].length() > Limits.MAX_OUTPUT_CHUNK_CHARS || bufferCost[c] > CHUNK_BUDGET_BYTES) {
                emit(channel, cutPoint(buffers[c]));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends every buffer whose oldest character has waited long enough. */
    void flushLingering(long nowNanos) throws InterruptedException {
        lock.lock();
        try {
            for (OutputChannel channel : OutputChannel.values()) {
                int c = channel.ordinal();
                if (!buffers[c].isEmpty() && nowNanos - firstAt[c] >= lingerNanos) {
                    flush(channel);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends everything buffered (the command ended). */
    void flushAll() throws InterruptedException {
        lock.lock();
        try {
            for (OutputChannel channel : OutputChannel.values()) {
                flush(channel);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Characters accepted for sending, both channels together. */
    long sentChars() {
        lock.lock();
        try {
            return acceptedChars;
        } finally {
            lock.unlock();
        }
    }

    /** Whether output beyond the limit was dropped. */
    boolean truncated() {
        lock.lock();
        try {
            return truncated;
        } finally {
            lock.unlock();
        }
    }

    private void flush(OutputChannel channel) throws InterruptedException {
        StringBuilder buffer = buffers[channel.ordinal()];
        while (!buffer.isEmpty()) {
            emit(channel, cutPoint(buffer));
        }
    }

    private void emit(OutputChannel channel, int chars) throws InterruptedException {
        int c = channel.ordinal();
        String text = buffers[c].substring(0, chars);
        buffers[c].delete(0, chars);
        bufferCost[c] = cost(buffers[c], 0, buffers[c].length());
        firstAt[c] = System.nanoTime();
        long offset = offsets[c];
        offsets[c] += chars;
        reporter.report(command.session(), new CommandOutput(command.commandId(), channel, offset, text));
    }

    /** The longest prefix that fits one chunk, never ending between the two halves of a surrogate pair. */
    static int cutPoint(CharSequence buffer) {
        int end = Math.min(buffer.length(), Limits.MAX_OUTPUT_CHUNK_CHARS);
        long bytes = 0;
        for (int i = 0; i < end; i++) {
            bytes += cost(buffer.charAt(i));
            if (bytes > CHUNK_BUDGET_BYTES) {
                end = i;
                break;
            }
        }
        if (end > 0 && end < buffer.length() && Character.isHighSurrogate(buffer.charAt(end - 1))) {
            end--;
        }
        return Math.max(end, 1);
    }

    private static long cost(CharSequence text, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += cost(text.charAt(i));
        }
        return bytes;
    }

    /** Bytes a character takes in compact JSON text: escapes for controls, quote and backslash; UTF-8 otherwise. */
    private static int cost(char ch) {
        if (ch < 0x20) {
            return 6;
        }
        if (ch == '"' || ch == '\\') {
            return 2;
        }
        if (ch < 0x80) {
            return 1;
        }
        return ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
    }
}
