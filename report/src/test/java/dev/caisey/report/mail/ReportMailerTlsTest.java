package dev.caisey.report.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.export.ExportCodec;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.report.ReportException;
import dev.caisey.report.pdf.PdfReport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports over implicit TLS to a mail server (GreenMail on loopback) whose certificate, made for this test, is issued to
 * 127.0.0.1: delivered when the certificate is trusted and names the host, refused in words otherwise.
 *
 * <p>GreenMail reads its TLS keystore once per JVM from system properties, so this is the only test class of the
 * module that starts a TLS mail server.
 */
class ReportMailerTlsTest {
    private static final String USER = "reports@msp.example";
    private static final String PASSWORD = "tls-s3cret";
    private static final String STORE_PASSWORD = "test-store";

    @TempDir
    static Path dir;

    private static GreenMail mail;
    private static SSLContext trustingIt;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = certificate(keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "greenmail", keys.getPrivate(), STORE_PASSWORD.toCharArray(), new X509Certificate[] {certificate});
        Path file = dir.resolve("smtp.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
        System.setProperty("greenmail.tls.keystore.file", file.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        mail.setUser(USER, USER, PASSWORD);
        mail.start();
        trustingIt = trusting(certificate);
    }

    @AfterAll
    static void stop() {
        mail.stop();
        System.clearProperty("greenmail.tls.keystore.file");
        System.clearProperty("greenmail.tls.keystore.password");
        System.clearProperty("greenmail.tls.key.password");
    }

    @BeforeEach
    void empty() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    private static SmtpSettings tls(String host) {
        return SmtpSettings.of(host, mail.getSmtps().getPort(), SmtpSettings.Security.TLS, USER)
                .withLogin(USER, PASSWORD);
    }

    @Test
    void deliversOverImplicitTlsToAServerWhoseCertificateNamesItsAddress() throws Exception {
        ReportMailer.trusting(trustingIt).send(tls("127.0.0.1"), report());

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMultipart parts = (MimeMultipart) received[0].getContent();
        byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
    }

    @Test
    void refusesACertificateTheRuntimeDoesNotTrust() {
        assertThatThrownBy(() -> ReportMailer.create().send(tls("127.0.0.1"), report()))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID);
                    assertThat(e.getMessage())
                            .isEqualTo("The mail server at 127.0.0.1:"
                                    + mail.getSmtps().getPort() + " presented a"
                                    + " certificate that is not trusted or not made out to 127.0.0.1; check the SMTP"
                                    + " host name, or give the mail server a certificate from a recognised"
                                    + " authority.");
                });
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesATrustedCertificateMadeOutToAnotherName() {
        // "localhost" reaches the same server, but the certificate names 127.0.0.1 only.
        assertThatThrownBy(() -> ReportMailer.trusting(trustingIt).send(tls("localhost"), report()))
                .isInstanceOfSatisfying(
                        ReportException.class,
                        e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("smtp", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static ReportMail report() throws Exception {
        byte[] sample;
        try (InputStream in = ReportMailerTlsTest.class.getResourceAsStream("/samples/printer-spooler.caisey.json")) {
            sample = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.create().render(sample, out);
        SessionSummary session = ExportCodec.fromTree(ExportCodec.readTree(sample, sample.length))
                .session();
        return new ReportMail(List.of("ap@harbor.example"), session, out.toByteArray());
    }

    private static X509Certificate certificate(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=127.0.0.1, O=Caisey tests");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)),
                name,
                keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")
        }));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
