package dev.caisey.report.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.report.ReportException;
import dev.caisey.report.pdf.PdfReport;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The printer-spooler report sent to a real SMTP server (GreenMail on loopback), and each way that fails. */
class ReportMailerTest {
    private static final String USER = "reports@msp.example";
    private static final String PASSWORD = "s3cret-smtp";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));

    private static byte[] pdf;
    private static SessionSummary session;

    @BeforeAll
    static void render() throws Exception {
        byte[] sample;
        try (InputStream in = ReportMailerTest.class.getResourceAsStream("/samples/printer-spooler.caisey.json")) {
            sample = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.create().render(sample, out);
        pdf = out.toByteArray();
        session = ExportCodec.fromTree(ExportCodec.readTree(sample, sample.length))
                .session();
    }

    private static SmtpSettings plain() {
        return SmtpSettings.of("127.0.0.1", MAIL.getSmtp().getPort(), SmtpSettings.Security.PLAIN, USER)
                .withLogin(USER, PASSWORD);
    }

    private static ReportMail mail(String... to) {
        return new ReportMail(List.of(to), session, pdf);
    }

    @Test
    void deliversTheReportWithThePdfAttachedAndAPlainLetter() throws Exception {
        ReportMailer.create().send(plain(), mail("ap@harbor.example", "it@harbor.example"));

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient's mailbox
        MimeMessage message = received[0];
        assertThat(message.getSubject())
                .isEqualTo("Support session record: PRN-ACCT-01, Tuesday 17 November 2026 (Harbor Accounting LLP)");
        assertThat(message.getFrom()[0].toString()).isEqualTo(USER);
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String letter = (String) parts.getBodyPart(0).getContent();
        assertThat(letter)
                .contains("the computer PRN-ACCT-01 for Harbor Accounting LLP, carried out by Dana Whitfield")
                .contains("The session started at 10:15:32 and ended at 10:17:45 (EST, UTC−5)")
                .contains("What the attachment is", "How to check it", "\"Integrity\"")
                .doesNotContain("PowerShell", "SHA-256");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo(session.id() + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        byte[] received0 = attachment.getInputStream().readAllBytes();
        assertThat(new String(received0, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
        assertThat(Arrays.equals(received0, pdf))
                .as("attachment bytes equal the rendered PDF")
                .isTrue();
        assertThat(GreenMailUtil.getAddressList(message.getAllRecipients()))
                .isEqualTo("ap@harbor.example, it@harbor.example");
    }

    @Test
    void aWrongPasswordIsReportedInWordsAndNothingIsSent() {
        SmtpSettings wrong = plain().withLogin(USER, "not-the-password");

        assertThatThrownBy(() -> ReportMailer.create().send(wrong, mail("ap@harbor.example")))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
                    assertThat(e.getMessage())
                            .isEqualTo("The mail server refused the login; check the SMTP user and password in the"
                                    + " server settings.");
                    assertThat(ReportMailer.isTemporary(e)).isFalse();
                });
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsATemporaryFailureInWords() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmtpSettings down = SmtpSettings.of("127.0.0.1", closedPort, SmtpSettings.Security.PLAIN, USER);

        assertThatThrownBy(() -> ReportMailer.create().send(down, mail("ap@harbor.example")))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(ReportMailer.isTemporary(e)).isTrue();
                    assertThat(e.getMessage())
                            .isEqualTo("The mail server at 127.0.0.1:" + closedPort + " could not be reached; check"
                                    + " that it is running and that the SMTP host and port in the server settings"
                                    + " are right.");
                });
    }

    @Test
    void requiredStartTlsIsNeverSkippedOnAServerThatDoesNotOfferIt() {
        SmtpSettings startTls = SmtpSettings.of(
                        "127.0.0.1", MAIL.getSmtp().getPort(), SmtpSettings.Security.STARTTLS, USER)
                .withLogin(USER, PASSWORD);

        assertThatThrownBy(() -> ReportMailer.create().send(startTls, mail("ap@harbor.example")))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("does not offer STARTTLS", "security setting");
                });
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesSettingsAndMailThatCannotWork() {
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example", 0, SmtpSettings.Security.TLS, USER))
                .hasMessage("The SMTP port must be 1 to 65535; found 0.");
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example", 465, SmtpSettings.Security.TLS, "not an address"))
                .hasMessageContaining("is not an e-mail address");
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example", 465, SmtpSettings.Security.TLS, USER)
                        .withLogin(USER, ""))
                .hasMessage("Give both an SMTP user and its password, or neither.");
        assertThatThrownBy(() -> new ReportMail(List.of(), session, pdf)).hasMessageContaining("has no e-mail address");
        assertThatThrownBy(() -> new ReportMail(List.of("Mallory <m@evil.example>"), session, pdf))
                .hasMessageContaining("is not an e-mail address");
        assertThatThrownBy(() -> new ReportMail(List.of("a@b.example"), session, "{}".getBytes()))
                .hasMessage("The report to send is not a PDF.");
        assertThat(plain().toString()).doesNotContain(PASSWORD).contains("[redacted]");
    }
}
