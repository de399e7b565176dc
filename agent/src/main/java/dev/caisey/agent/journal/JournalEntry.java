package dev.caisey.agent.journal;

import dev.caisey.record.protocol.AgentReport;

/**
 * An event the agent produced and the server has not acknowledged yet.
 *
 * @param position the entry's place in the journal, increasing in the order entries were written
 * @param report the report as it is sent (its {@code eventId} names it)
 * @param frame the {@code agent.report} frame's wire text, whose {@code id} is the event id
 * @param bytes how many bytes the entry takes in the journal file
 */
public record JournalEntry(long position, AgentReport report, String frame, int bytes) {
    /** The event's id, which the server's acknowledgement names. */
    public String eventId() {
        return report.eventId();
    }
}
