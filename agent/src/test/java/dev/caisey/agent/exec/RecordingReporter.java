package dev.caisey.agent.exec;

import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.OutputChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every event reported, for tests to wait on and inspect. */
final class RecordingReporter implements Reporter {
    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized void report(String session, Event event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits until an event matches, failing after {@code wait}. */
    synchronized Event await(Predicate<Event> match, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (Event event : events) {
                if (match.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching event within " + wait + "; got " + events.size() + " events");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The terminal event of a command. */
    Event end(String commandId, Duration wait) throws InterruptedException {
        return await(
                e -> (e instanceof CommandFinished f && f.commandId().equals(commandId))
                        || (e instanceof CommandCancelled c && c.commandId().equals(commandId))
                        || (e instanceof CommandTimedOut t && t.commandId().equals(commandId)),
                wait);
    }

    /** The output of a command on a channel, joined, checking that offsets are contiguous. */
    synchronized String output(String commandId, OutputChannel channel) {
        StringBuilder text = new StringBuilder();
        for (Event event : events) {
            if (event instanceof CommandOutput o && o.commandId().equals(commandId) && o.channel() == channel) {
                if (o.offset() != text.length()) {
                    throw new AssertionError("chunk at offset " + o.offset() + " after " + text.length() + " chars");
                }
                text.append(o.text());
            }
        }
        return text.toString();
    }

    synchronized long chunks(String commandId) {
        return events.stream()
                .filter(e -> e instanceof CommandOutput o && o.commandId().equals(commandId))
                .count();
    }
}
