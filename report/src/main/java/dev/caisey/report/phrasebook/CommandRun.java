package dev.caisey.report.phrasebook;

import dev.caisey.record.event.CommandRequested;
import java.util.List;
import java.util.Objects;

/**
 * One command of a session as the technical appendix shows it: what was asked, by whom and when, how it ended, and
 * its output abbreviated to its first and last lines.
 *
 * @param request the request
 * @param requestedBy the technician's name
 * @param requestedAt when it was requested, UTC microseconds
 * @param startedAt when it started on the computer, or {@code null} if it never ran
 * @param ending how it ended in words ("exit code 0 after 0.8 seconds", "declined by the client, not run")
 * @param succeeded whether it ran and exited with code 0
 * @param head the first lines of output
 * @param omittedLines how many lines are left out between {@code head} and {@code tail}
 * @param tail the last lines of output
 * @param truncatedByAgent whether the agent dropped output beyond its cap
 */
public record CommandRun(
        CommandRequested request,
        String requestedBy,
        long requestedAt,
        Long startedAt,
        String ending,
        boolean succeeded,
        List<String> head,
        long omittedLines,
        List<String> tail,
        boolean truncatedByAgent) {

    /** Copies the lists. */
    public CommandRun {
        Objects.requireNonNull(request, "request");
        head = List.copyOf(head);
        tail = List.copyOf(tail);
    }

    /** Whether the command printed anything. */
    public boolean hasOutput() {
        return !head.isEmpty() || !tail.isEmpty();
    }
}
