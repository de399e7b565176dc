package dev.caisey.console.mirror;

import dev.caisey.report.phrasebook.Milestones;

/**
 * One session as the mirror holds it: what lists, filters and SLA figures need, without reading its events.
 *
 * @param id the session id
 * @param organisationId its organisation's id
 * @param organisationName its organisation's name
 * @param endpointName the endpoint's name
 * @param technician who opened it
 * @param ticket the ticket reference, or {@code null}
 * @param milestones its moments (reported, connected, first action, verified, closed) and the organisation's target
 * @param lastSeq how many events the mirror holds
 * @param signedSeq the last event a checkpoint signature vouches for (0: none yet)
 */
public record MirroredSession(
        String id,
        String organisationId,
        String organisationName,
        String endpointName,
        String technician,
        String ticket,
        Milestones milestones,
        long lastSeq,
        long signedSeq) {
    /** Whether the session has closed. */
    public boolean closed() {
        return milestones.closedAt() != null;
    }

    /** Whether every event the mirror holds is covered by a signed checkpoint. */
    public boolean fullySigned() {
        return signedSeq == lastSeq;
    }
}
