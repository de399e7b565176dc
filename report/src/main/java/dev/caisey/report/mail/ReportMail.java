package dev.caisey.report.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.report.ReportException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One report to send: the rendered PDF, the session it tells about (for the subject and the words around it) and who
 * receives it. Checked as a whole, so nothing half-valid reaches the mail server.
 *
 * @param recipients the client's addresses, at least one, at most {@link #MAX_RECIPIENTS}, without duplicates
 * @param session the session the report is about
 * @param pdf the report, a PDF of at most {@link #MAX_PDF_BYTES}
 */
public record ReportMail(List<String> recipients, SessionSummary session, byte[] pdf) {
    /** Most addresses one report goes to. */
    public static final int MAX_RECIPIENTS = 20;

    /** Largest PDF sent by e-mail: common mail servers refuse messages much over 25 MB once encoded. */
    public static final int MAX_PDF_BYTES = 18 * 1024 * 1024;

    /** Validates and copies every member. */
    public ReportMail {
        Objects.requireNonNull(session, "session");
        if (recipients == null || recipients.isEmpty()) {
            throw new ReportException(
                    ErrorCode.INVALID,
                    "The organisation " + session.organisation() + " has no e-mail address to send the report to;"
                            + " an administrator adds one.");
        }
        if (recipients.size() > MAX_RECIPIENTS) {
            throw new ReportException(
                    ErrorCode.INVALID, "A report goes to at most " + MAX_RECIPIENTS + " addresses at once.");
        }
        List<String> checked = new ArrayList<>();
        for (String r : new LinkedHashSet<>(recipients)) {
            checked.add(SmtpSettings.address(r, "recipient address"));
        }
        recipients = List.copyOf(checked);
        if (pdf == null || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw new ReportException(ErrorCode.INVALID, "The report to send is not a PDF.");
        }
        if (pdf.length > MAX_PDF_BYTES) {
            throw new ReportException(
                    ErrorCode.TOO_LARGE,
                    "The report is " + pdf.length / (1024 * 1024) + " MB, too large for e-mail; share a link instead.");
        }
        pdf = pdf.clone();
    }

    /** The attachment's file name: the session id, which the report and its embedded record also carry. */
    public String fileName() {
        return session.id() + ".pdf";
    }

    /** The PDF's bytes (a copy). */
    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportMail m
                && m.recipients.equals(recipients)
                && m.session.equals(session)
                && java.util.Arrays.equals(m.pdf, pdf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipients, session, java.util.Arrays.hashCode(pdf));
    }

    @Override
    public String toString() {
        return "ReportMail[" + session.id() + " to " + recipients + ", " + pdf.length + " bytes]";
    }
}
