package dev.caisey.console.workspace;

import dev.caisey.console.fx.Times;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock a technician works against: time since the client reported the problem, since the session connected, and
 * what is left of the organisation's SLA target (counted from the report, or from the connection if no report time
 * was given). The target comes with the session (its {@code session.opened} event carries the organisation).
 *
 * @param reportedAt when the client reported the problem, or {@code null}
 * @param connectedAt when the session opened
 * @param slaTargetMinutes the organisation's response target, or {@code null} if it has none
 */
record Timing(Instant reportedAt, Instant connectedAt, Long slaTargetMinutes) {
    /** How far along the SLA target is. */
    enum Sla {
        NONE,
        WITHIN,
        NEAR,
        EXCEEDED
    }

    /** The share of the target after which the clock turns to a warning. */
    static final double NEAR_SHARE = 0.8;

    /** One line for the workspace header at {@code now}. */
    String describe(Instant now) {
        StringBuilder line = new StringBuilder();
        if (reportedAt != null) {
            line.append("Reported ")
                    .append(Times.duration(Duration.between(reportedAt, now)))
                    .append(" ago · ");
        } else {
            line.append("No report time given · ");
        }
        line.append("connected ")
                .append(Times.duration(Duration.between(connectedAt, now)))
                .append(" ago");
        if (slaTargetMinutes == null) {
            return line.append(" · the organisation has no SLA target").toString();
        }
        Duration target = Duration.ofMinutes(slaTargetMinutes);
        Duration left = target.minus(Duration.between(start(), now));
        line.append(" · SLA ").append(Times.duration(target)).append(": ");
        if (left.isNegative()) {
            line.append("exceeded by ").append(Times.duration(left.negated()));
        } else {
            line.append(Times.duration(left)).append(" left");
        }
        return line.toString();
    }

    /** Where the SLA stands at {@code now}. */
    Sla sla(Instant now) {
        if (slaTargetMinutes == null) {
            return Sla.NONE;
        }
        double used = Duration.between(start(), now).toSeconds() / (slaTargetMinutes * 60.0);
        return used > 1 ? Sla.EXCEEDED : used >= NEAR_SHARE ? Sla.NEAR : Sla.WITHIN;
    }

    private Instant start() {
        return reportedAt != null ? reportedAt : connectedAt;
    }
}
