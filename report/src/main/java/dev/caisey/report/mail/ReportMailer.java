package dev.caisey.report.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends a rendered report to a client over SMTP with Angus Mail: a short plain-language letter ({@link MailText}) with
 * the PDF attached. A connection protected by STARTTLS or TLS checks the server's certificate and host name; nothing is
 * sent in the clear unless the administrator chose {@link SmtpSettings.Security#PLAIN}.
 *
 * <p>Every failure becomes a {@link ReportException} whose message says in words what went wrong and what to check
 * ({@link MailFailures}). Its code tells whether trying again later may help: {@link ErrorCode#INTERNAL} for a server
 * that is down, slow or busy; any other code for a problem a person has to fix (login, certificate, addresses).
 */
public final class ReportMailer {
    private static final System.Logger LOG = System.getLogger(ReportMailer.class.getName());

    private final SSLSocketFactory tls;

    private ReportMailer(SSLSocketFactory tls) {
        this.tls = tls;
    }

    /** A mailer that trusts the certificate authorities of the Java runtime. */
    public static ReportMailer create() {
        return new ReportMailer(null);
    }

    /** A mailer that trusts what {@code trust} trusts (a company's own certificate authority, a test server). */
    public static ReportMailer trusting(SSLContext trust) {
        return new ReportMailer(trust.getSocketFactory());
    }

    /** Whether a failure of {@link #send} may go away by itself, so sending again later is worth it. */
    public static boolean isTemporary(ReportException failure) {
        return failure.code() == ErrorCode.INTERNAL;
    }

    /**
     * Sends the report and returns once the mail server accepted it for every recipient.
     *
     * @throws ReportException saying in words why it was not sent; see {@link #isTemporary}
     */
    public void send(SmtpSettings settings, ReportMail mail) {
        Session session = Session.getInstance(properties(settings));
        String protocol = protocol(settings);
        try {
            MimeMessage message = message(session, settings, mail);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            LOG.log(
                    Level.INFO,
                    () -> "sent the report of " + mail.session().id() + " to "
                            + mail.recipients().size() + " address(es) through " + settings.host() + ":"
                            + settings.port());
        } catch (MessagingException e) {
            ReportException failure = MailFailures.describe(settings, e);
            LOG.log(Level.DEBUG, "sending a report by e-mail failed: " + failure.getMessage(), e);
            throw failure;
        }
    }

    private static MimeMessage message(Session session, SmtpSettings settings, ReportMail mail)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.fromAddress()));
        for (String recipient : mail.recipients()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(MailText.subject(mail.session()), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(MailText.body(mail.session(), mail.fileName()), StandardCharsets.UTF_8.name());
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.pdf(), "application/pdf")));
        attachment.setFileName(mail.fileName());
        attachment.setDisposition(Part.ATTACHMENT);
        message.setContent(new MimeMultipart(text, attachment));
        message.saveChanges();
        return message;
    }

    private Properties properties(SmtpSettings settings) {
        String p = "mail." + protocol(settings) + ".";
        Properties properties = new Properties();
        properties.put(p + "host", settings.host());
        properties.put(p + "port", Integer.toString(settings.port()));
        properties.put(p + "auth", Boolean.toString(settings.user() != null));
        properties.put(p + "from", settings.fromAddress());
        properties.put(p + "connectiontimeout", Integer.toString(settings.connectTimeoutMillis()));
        properties.put(p + "timeout", Integer.toString(settings.readTimeoutMillis()));
        properties.put(p + "writetimeout", Integer.toString(settings.readTimeoutMillis()));
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            properties.put(p + "starttls.enable", "true");
            properties.put(p + "starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.PLAIN) {
            properties.put(p + "ssl.checkserveridentity", "true");
            if (tls != null) {
                properties.put(p + "ssl.socketFactory", tls);
            }
        }
        return properties;
    }

    private static String protocol(SmtpSettings settings) {
        return settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
    }
}
