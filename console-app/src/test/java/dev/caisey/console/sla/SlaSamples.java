package dev.caisey.console.sla;

import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.report.phrasebook.Milestones;
import java.time.Instant;

/**
 * Sessions with hand-picked moments for the SLA tests: times are written as UTC instants so the expected figures can
 * be worked out by hand from the text of the test.
 */
final class SlaSamples {
    /** New York (EST, UTC−5 from 1 November 2026), target 60 minutes. */
    static final Organisation ACME = new Organisation("o-acme", "Acme", "America/New_York", 60L, ApprovalPolicy.RISKY);

    /** Tokyo (UTC+9, no daylight saving), no target. */
    static final Organisation KOI = new Organisation("o-koi", "Koi Dental", "Asia/Tokyo", null, ApprovalPolicy.NONE);

    private SlaSamples() {}

    /** UTC microseconds of an ISO instant ("2026-11-17T15:00:00Z"), or {@code null}. */
    static Long at(String utc) {
        return utc == null ? null : Micros.of(Instant.parse(utc));
    }

    /** A session of {@code org}; any moment may be {@code null} except connection. */
    static SessionTimes session(
            String id,
            Organisation org,
            String reported,
            String connected,
            String firstAction,
            String verified,
            String closed) {
        Milestones m = new Milestones(
                org,
                at(reported),
                at(connected),
                at(firstAction),
                at(verified),
                at(closed),
                closed == null ? null : verified == null ? Outcome.UNRESOLVED : Outcome.RESOLVED);
        return new SessionTimes(id, "PC-" + id.toUpperCase(java.util.Locale.ROOT), "Dana Whitfield", m);
    }

    /**
     * A closed Acme session on 17 November 2026 reported at 15:00:00 UTC, connected 5 minutes later, first action a
     * minute after that, fix verified {@code fixMinutes} after the report and closed 2 minutes after the fix.
     */
    static SessionTimes fixedAfter(String id, int fixMinutes) {
        long reported = at("2026-11-17T15:00:00Z");
        long minute = 60 * Micros.PER_SECOND;
        long verified = reported + fixMinutes * minute;
        Milestones m = new Milestones(
                ACME,
                reported,
                reported + 5 * minute,
                reported + 6 * minute,
                verified,
                verified + 2 * minute,
                Outcome.RESOLVED);
        return new SessionTimes(id, "PC-" + id, "Dana Whitfield", m);
    }
}
