package dev.caisey.console.mirror;

import java.util.List;

/**
 * Where a sync stands, for a progress bar and a status line.
 *
 * @param sessionsDone sessions brought up to date in this round
 * @param sessionsTotal sessions that had something new in this round
 * @param eventsDone events stored in this round
 * @param eventsTotal events the round set out to fetch
 * @param finished whether the round is over
 * @param refusals what this round refused (see {@link Refusal#sentence()})
 * @param problem why the round stopped early (e.g. the connection dropped), or {@code null}
 */
public record SyncProgress(
        int sessionsDone,
        int sessionsTotal,
        long eventsDone,
        long eventsTotal,
        boolean finished,
        List<Refusal> refusals,
        String problem) {
    /** Copies the list. */
    public SyncProgress {
        refusals = List.copyOf(refusals);
    }

    /** Done so far, from 0 to 1 (1 when there was nothing to do). */
    public double fraction() {
        return eventsTotal == 0 ? 1 : Math.min(1, (double) eventsDone / eventsTotal);
    }

    /** One line for the status bar: "Syncing records: 2 of 5 sessions, 1,200 of 4,000 events". */
    public String describe() {
        if (problem != null) {
            return "Sync stopped: " + problem + " It goes on from where it stopped next time.";
        }
        if (finished) {
            return sessionsTotal == 0
                    ? "Records up to date."
                    : String.format(
                            "Records up to date: %,d new events in %,d sessions%s.",
                            eventsDone,
                            sessionsDone,
                            refusals.isEmpty() ? "" : "; " + refusals.size() + " refused (see Records)");
        }
        return String.format(
                "Syncing records: %,d of %,d sessions, %,d of %,d events",
                sessionsDone, sessionsTotal, eventsDone, eventsTotal);
    }
}
