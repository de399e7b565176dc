package dev.caisey.report.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Turns what Angus Mail throws into one sentence an administrator or technician can act on, and a code that says
 * whether waiting may help ({@link ErrorCode#INTERNAL}) or a person must change something (any other code). The
 * server's own reply text is quoted only where it explains a refusal; nothing secret is in any of these messages.
 */
final class MailFailures {
    /** How a refusal without login starts: RFC 4954 "530 Authentication required". */
    private static final int AUTHENTICATION_REQUIRED = 530;

    /** How deep a chain of causes is searched. */
    private static final int MAX_CAUSES = 10;

    private MailFailures() {}

    static ReportException describe(SmtpSettings settings, MessagingException e) {
        String server = "The mail server at " + settings.host() + ":" + settings.port();
        if (e instanceof AuthenticationFailedException) {
            return new ReportException(
                    ErrorCode.UNAUTHENTICATED,
                    "The mail server refused the login; check the SMTP user and password in the server settings.",
                    e);
        }
        if (has(e, UnknownHostException.class)) {
            return temporary(
                    "The mail server's name " + settings.host() + " is not known; check the SMTP host in the server"
                            + " settings.",
                    e);
        }
        if (has(e, SocketTimeoutException.class)) {
            return temporary(server + " did not answer in time; it may be busy. Sending will be tried again.", e);
        }
        if (has(e, ConnectException.class) || e instanceof org.eclipse.angus.mail.util.MailConnectException) {
            return temporary(
                    server + " could not be reached; check that it is running and that the SMTP host and port in"
                            + " the server settings are right.",
                    e);
        }
        if (has(e, SSLHandshakeException.class) || mentions(e, "verify identity")) {
            return new ReportException(
                    ErrorCode.SIGNATURE_INVALID,
                    server + " presented a certificate that is not trusted or not made out to "
                            + settings.host() + "; check the SMTP host name, or give the mail server a certificate"
                            + " from a recognised authority.",
                    e);
        }
        if (has(e, SSLException.class)) {
            return new ReportException(
                    ErrorCode.CONFLICT,
                    "The connection to " + settings.host() + ":" + settings.port() + " could not be secured with"
                            + " TLS; check the SMTP security setting (tls is usually port 465, starttls port 587).",
                    e);
        }
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("starttls")) {
            return new ReportException(
                    ErrorCode.CONFLICT,
                    server + " does not offer STARTTLS, which the server settings require; check the SMTP port"
                            + " (usually 587) and security setting.",
                    e);
        }
        if (e instanceof SendFailedException failed
                && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            return new ReportException(
                    ErrorCode.INVALID,
                    "The mail server refused the address " + addresses(failed.getInvalidAddresses())
                            + "; check the organisation's e-mail addresses.",
                    e);
        }
        if (e instanceof SMTPSendFailedException refused) {
            return refusal(server, refused.getReturnCode(), refused.getMessage(), e);
        }
        return temporary(server + " could not take the report (" + firstLine(e.getMessage()) + ").", e);
    }

    private static ReportException refusal(String server, int code, String reply, MessagingException e) {
        if (code == AUTHENTICATION_REQUIRED) {
            return new ReportException(
                    ErrorCode.UNAUTHENTICATED,
                    server + " requires a login; set the SMTP user and password in the server settings.",
                    e);
        }
        String words = server + " refused the report: " + firstLine(reply);
        return code >= 400 && code < 500
                ? temporary(words + ". Sending will be tried again.", e)
                : new ReportException(ErrorCode.INVALID, words + ".", e);
    }

    private static ReportException temporary(String message, MessagingException e) {
        return new ReportException(ErrorCode.INTERNAL, message, e);
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Whether {@code e} or one of its causes is a {@code type}. */
    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the message of {@code e} or one of its causes contains {@code words}. */
    private static boolean mentions(Throwable e, String words) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(words)) {
                return true;
            }
        }
        return false;
    }
}
