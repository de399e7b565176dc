package dev.caisey.report.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * How to reach the mail server that sends reports: one value an administrator sets once, checked as a whole so a
 * mistake is reported when it is made rather than when the first report fails to go out.
 *
 * @param host the mail server's host name or address
 * @param port its port (25 or 587 for {@link Security#PLAIN} and {@link Security#STARTTLS}, 465 for {@link
 *     Security#TLS})
 * @param security how the connection is protected
 * @param user the SMTP user name, or {@code null} to send without signing in
 * @param password the SMTP password, or {@code null} exactly when {@code user} is; never shown by {@link #toString()}
 * @param fromAddress the sender of every report ("support@msp.example")
 * @param connectTimeoutMillis how long to wait for the connection (and its TLS handshake)
 * @param readTimeoutMillis how long to wait for each answer of the server, and for each write
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        String user,
        String password,
        String fromAddress,
        int connectTimeoutMillis,
        int readTimeoutMillis) {
    /** Default wait for the connection. */
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 15_000;

    /** Default wait for each answer: a large PDF on a slow line needs a while. */
    public static final int DEFAULT_READ_TIMEOUT_MILLIS = 60_000;

    /** Longest wait an administrator may set, for either timeout. */
    public static final int MAX_TIMEOUT_MILLIS = 600_000;

    /** How the connection to the mail server is protected. Written in lower case: {@code "starttls"}. */
    public enum Security {
        /** No encryption: only for a relay on the same host or a trusted network. */
        PLAIN,
        /** Plain connection upgraded with STARTTLS; refused if the server does not offer it. */
        STARTTLS,
        /** TLS from the first byte ("SMTPS", usually port 465). */
        TLS;

        /** The lower-case name administrators type. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The security for its lower-case name.
         *
         * @throws ReportException with {@link ErrorCode#INVALID} listing the names
         */
        public static Security ofWireName(String name) {
            for (Security s : values()) {
                if (s.wireName().equals(name)) {
                    return s;
                }
            }
            throw invalid("The SMTP security must be plain, starttls or tls; found '" + name + "'.");
        }
    }

    /** Validates every member and says which one is wrong. */
    public SmtpSettings {
        if (host == null
                || host.isBlank()
                || host.length() > 253
                || !host.strip().equals(host)) {
            throw invalid("The SMTP host must be a host name or address, such as smtp.example.com.");
        }
        if (port < 1 || port > 65_535) {
            throw invalid("The SMTP port must be 1 to 65535; found " + port + ".");
        }
        if (security == null) {
            throw invalid("Say how the mail server connection is protected: plain, starttls or tls.");
        }
        if ((user == null) != (password == null) || (user != null && (user.isEmpty() || password.isEmpty()))) {
            throw invalid("Give both an SMTP user and its password, or neither.");
        }
        fromAddress = address(fromAddress, "sender address");
        if (connectTimeoutMillis < 1 || connectTimeoutMillis > MAX_TIMEOUT_MILLIS) {
            throw invalid("The SMTP connect timeout must be 1 to " + MAX_TIMEOUT_MILLIS + " ms.");
        }
        if (readTimeoutMillis < 1 || readTimeoutMillis > MAX_TIMEOUT_MILLIS) {
            throw invalid("The SMTP read timeout must be 1 to " + MAX_TIMEOUT_MILLIS + " ms.");
        }
    }

    /** Settings without sign-in and with the default timeouts. */
    public static SmtpSettings of(String host, int port, Security security, String fromAddress) {
        return new SmtpSettings(
                host,
                port,
                security,
                null,
                null,
                fromAddress,
                DEFAULT_CONNECT_TIMEOUT_MILLIS,
                DEFAULT_READ_TIMEOUT_MILLIS);
    }

    /** A copy that signs in as {@code user} with {@code password}. */
    public SmtpSettings withLogin(String smtpUser, String smtpPassword) {
        return new SmtpSettings(
                host, port, security, smtpUser, smtpPassword, fromAddress, connectTimeoutMillis, readTimeoutMillis);
    }

    /**
     * A single plain e-mail address ("ap@harbor.example"), as typed by an administrator.
     *
     * @param what what the address is, for the message ("sender address")
     * @throws ReportException with {@link ErrorCode#INVALID} if it is not one
     */
    public static String address(String text, String what) {
        if (text == null || text.isBlank() || text.length() > 254) {
            throw invalid("The " + what + " is missing or too long.");
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(text) || !text.contains("@")) {
                throw new AddressException("not a bare address");
            }
            return text;
        } catch (AddressException e) {
            throw invalid("The " + what + " '" + text + "' is not an e-mail address such as name@example.com.");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + security.wireName() + "://" + (user == null ? "" : user + "@") + host + ":" + port
                + ", from " + fromAddress + ", password " + (password == null ? "none" : "[redacted]") + "]";
    }

    private static ReportException invalid(String message) {
        return new ReportException(ErrorCode.INVALID, message);
    }
}
