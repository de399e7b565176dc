package dev.caisey.report.mail;

import dev.caisey.record.export.SessionSummary;
import dev.caisey.report.phrasebook.LocalClock;

/**
 * The words around an e-mailed report, for a reader who is not technical (often someone in the client's accounting
 * department): what the attachment is, what happened in one sentence, and how they can check that nobody changed it.
 * Times are in the organisation's zone with the zone named, like in the report itself.
 */
public final class MailText {
    private MailText() {}

    /** The subject line: which computer, which day, which organisation. */
    public static String subject(SessionSummary s) {
        LocalClock clock = LocalClock.of(s.timeZone());
        return "Support session record: " + s.endpoint() + ", " + clock.date(s.openedAt()) + " (" + s.organisation()
                + ")";
    }

    /** The plain-text body. */
    public static String body(SessionSummary s, String fileName) {
        LocalClock clock = LocalClock.of(s.timeZone());
        StringBuilder text = new StringBuilder();
        text.append("Hello,\n\n");
        text.append("attached is the record of the remote support session on the computer ")
                .append(s.endpoint())
                .append(" for ")
                .append(s.organisation())
                .append(", carried out by ")
                .append(s.technician())
                .append(" on ")
                .append(clock.date(s.openedAt()))
                .append(s.ticket() == null ? "" : " (ticket " + s.ticket() + ")")
                .append(".\n");
        text.append("The session started at ").append(clock.time(s.openedAt()));
        if (s.closedAt() != null) {
            text.append(" and ended at ").append(clock.time(s.closedAt()));
        }
        text.append(" (").append(clock.zoneLabel(s.openedAt())).append(")");
        if (s.outcome() != null) {
            text.append("; outcome: ").append(s.outcome());
        }
        text.append(".\n\n");
        text.append("What the attachment is\n");
        text.append("The file ")
                .append(fileName)
                .append(" is a PDF document; any PDF reader opens it. It tells in plain language what was done on"
                        + " the computer and when: each step, every question you were asked and your answer, the"
                        + " chat, and how the fix was checked. A technical appendix at the end lists the exact"
                        + " commands for your IT staff or an auditor.\n\n");
        text.append("How to check it\n");
        text.append("The complete session record is stored inside the PDF. Every entry in it is sealed with a"
                + " fingerprint that covers all the entries before it, and the server signed the last one, so"
                + " changing, removing or reordering anything would show. The last page of the report,"
                + " \"Integrity\", gives the fingerprints and the steps an auditor follows to check them with freely"
                + " available tools. If your PDF reader shows a signature panel, it tells you whether the document"
                + " was changed after it was made.\n\n");
        text.append("If anything in the report looks wrong to you, reply to this e-mail.\n\n");
        text.append("This message was sent by the Caisey support server of your IT provider.\n");
        return text.toString();
    }
}
