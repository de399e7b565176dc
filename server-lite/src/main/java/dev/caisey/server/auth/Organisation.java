package dev.caisey.server.auth;

import dev.caisey.record.Limits;
import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.Require;
import java.time.ZoneId;

/**
 * A client organisation of the MSP and the rules its sessions follow.
 *
 * @param id a short identifier administrators type ("harbor-accounting"), as {@link Require#id} allows
 * @param name the name people see ("Harbor Accounting LLP")
 * @param timeZone the zone its people read times in (an IANA region, such as {@code Europe/Berlin})
 * @param slaTargetMinutes the agreed time from a report to a resolution, in minutes
 * @param approvalPolicy which commands its client must approve
 * @param ticketReferenceRequired whether a session can only be opened with a ticket reference
 */
public record Organisation(
        String id,
        String name,
        ZoneId timeZone,
        int slaTargetMinutes,
        ApprovalPolicy approvalPolicy,
        boolean ticketReferenceRequired) {
    /** Longest SLA target: 30 days, in minutes. */
    public static final int MAX_SLA_TARGET_MINUTES = 30 * 24 * 60;

    /**
     * Validates every member.
     *
     * @throws dev.caisey.server.ServerException with {@code INVALID} saying which member is wrong
     */
    public Organisation {
        Inputs.id(id, "id");
        Inputs.text(name, "name", Limits.MAX_SHORT_TEXT_CHARS);
        if (timeZone == null) {
            throw Inputs.invalid("timeZone is missing");
        }
        timeZone(timeZone.getId());
        if (slaTargetMinutes < 1 || slaTargetMinutes > MAX_SLA_TARGET_MINUTES) {
            throw Inputs.invalid("The SLA target must be 1 to " + MAX_SLA_TARGET_MINUTES + " minutes; found "
                    + slaTargetMinutes + ".");
        }
        if (approvalPolicy == null) {
            throw Inputs.invalid("approvalPolicy is missing");
        }
    }

    /**
     * The zone for an IANA time zone name. Fixed offsets ("+02:00") and abbreviations are refused: a region follows
     * its daylight saving rules, an offset does not.
     *
     * @throws dev.caisey.server.ServerException with {@code INVALID} if the name is not an IANA region
     */
    public static ZoneId timeZone(String iana) {
        if (!dev.caisey.record.event.Organisation.isIanaZone(iana)) {
            throw Inputs.invalid("The time zone must be an IANA name such as Europe/Berlin or America/New_York;"
                    + " found '" + (iana == null ? "" : Require.abbreviate(iana)) + "'.");
        }
        return ZoneId.of(iana);
    }
}
