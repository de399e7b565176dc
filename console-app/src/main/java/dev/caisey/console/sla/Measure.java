package dev.caisey.console.sla;

import dev.caisey.report.phrasebook.Milestones;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The four durations a manager compares sessions by. Three run from the start of the SLA clock ({@link
 * Milestones#slaStartAt()}: "reported at", or connection when no report time was given, as in the report's headline),
 * so a session without a report time counts from connection for first action and fix but has no report → connection
 * figure at all. Session length runs from connection to close. A duration is absent ({@code null}) when its end has
 * not happened.
 */
public enum Measure {
    /** From "reported at" to connection; only for sessions with a report time. */
    REPORT_TO_CONNECTION("Report → connection", "reportToConnection", "report_to_connection") {
        @Override
        Long micros(Milestones m) {
            return m.slaFromReport() ? m.connectedAt() - m.reportedAt() : null;
        }
    },
    /** From the start of the SLA clock to the first command started on the computer. */
    REPORT_TO_FIRST_ACTION("Report → first action", "reportToFirstAction", "report_to_first_action") {
        @Override
        Long micros(Milestones m) {
            return m.sinceSlaStart(m.firstActionAt());
        }
    },
    /** From the start of the SLA clock to the verified fix: the figure the target is about. */
    REPORT_TO_FIX("Report → verified fix", "reportToFix", "report_to_fix") {
        @Override
        Long micros(Milestones m) {
            return m.sinceSlaStart(m.verifiedAt());
        }
    },
    /** From connection to close. */
    SESSION_LENGTH("Session length", "sessionLength", "session_length") {
        @Override
        Long micros(Milestones m) {
            return m.closedAt() == null ? null : m.closedAt() - m.connectedAt();
        }
    };

    private final String label;
    private final String jsonName;
    private final String csvName;

    Measure(String label, String jsonName, String csvName) {
        this.label = label;
        this.jsonName = jsonName;
        this.csvName = csvName;
    }

    abstract Long micros(Milestones m);

    /** The measure of a session, or {@code null} when it has none. */
    public Duration of(Milestones m) {
        Long micros = micros(m);
        return micros == null ? null : Duration.of(micros, ChronoUnit.MICROS);
    }

    /** Its name for people ("Report → verified fix"). */
    public String label() {
        return label;
    }

    /** Its name in JSON ("reportToFix"). */
    public String jsonName() {
        return jsonName;
    }

    /** The start of its column names in CSV ("report_to_fix"). */
    public String csvName() {
        return csvName;
    }
}
