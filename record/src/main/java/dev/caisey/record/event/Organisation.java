package dev.caisey.record.event;

import dev.caisey.record.Limits;
import java.time.ZoneId;

/**
 * The client organisation a session is for, with the settings in force when the session opened.
 *
 * @param id the organisation's id on the server
 * @param name its name ("Harbor Accounting LLP")
 * @param timeZone the IANA zone its people read times in ("America/New_York")
 * @param slaTargetMinutes the agreed time from "reported at" to verified fix, or {@code null} if none
 * @param approvalPolicy which commands the client must approve
 */
public record Organisation(
        String id, String name, String timeZone, Long slaTargetMinutes, ApprovalPolicy approvalPolicy) {
    /**
     * Whether a name is a region of the IANA time-zone database as this Java runtime knows it ({@code
     * America/New_York}); offsets such as {@code +05:00} or {@code Z} are not, since they ignore daylight saving.
     */
    public static boolean isIanaZone(String name) {
        return name != null && ZoneId.getAvailableZoneIds().contains(name);
    }

    /** Validates every member; the time zone must be a region id of the IANA database (not an offset like +05:00). */
    public Organisation {
        Require.id(id, "organisation.id");
        Require.text(name, "organisation.name", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(timeZone, "organisation.timeZone", 64);
        if (!isIanaZone(timeZone)) {
            throw Require.invalid("organisation.timeZone must be an IANA zone such as America/New_York; found '"
                    + Require.abbreviate(timeZone) + "'");
        }
        if (slaTargetMinutes != null) {
            Require.range(slaTargetMinutes, "organisation.slaTargetMinutes", 1, 525_600);
        }
        Require.present(approvalPolicy, "organisation.approvalPolicy");
    }
}
