package dev.caisey.agent.exec;

import dev.caisey.record.event.Event;

/** Where a command's events go: the journal, which keeps each one until the server acknowledges it. */
@FunctionalInterface
public interface Reporter {
    /**
     * Records an event of {@code session} durably before returning; may wait while the journal is full.
     *
     * @throws InterruptedException if the wait was interrupted (the agent is stopping)
     */
    void report(String session, Event event) throws InterruptedException;
}
