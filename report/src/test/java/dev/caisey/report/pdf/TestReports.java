package dev.caisey.report.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The printer-spooler sample, rendered and signed once per test run with a throw-away P-256 certificate. */
final class TestReports {
    static final String SAMPLE = "/samples/printer-spooler.caisey.json";

    private static byte[] sample;
    private static byte[] unsigned;
    private static byte[] signed;
    private static Signer signer;

    private TestReports() {}

    /** A self-signed ECDSA P-256 certificate and its key. */
    record Signer(KeyPair keys, X509Certificate certificate) {}

    static synchronized byte[] sample() {
        if (sample == null) {
            try (InputStream in = TestReports.class.getResourceAsStream(SAMPLE)) {
                sample = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sample;
    }

    static synchronized byte[] unsigned() {
        if (unsigned == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfReport.create().render(sample(), out);
            unsigned = out.toByteArray();
        }
        return unsigned;
    }

    static synchronized byte[] signed() {
        if (signed == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportSigner.of(signer().keys().getPrivate(), List.of(signer().certificate()))
                    .sign(new ByteArrayInputStream(unsigned()), out);
            signed = out.toByteArray();
        }
        return signed;
    }

    static synchronized Signer signer() {
        if (signer == null) {
            signer = newSigner("CN=Harbor IT Services report signing (test), O=Caisey tests");
        }
        return signer;
    }

    static Signer newSigner(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)),
                    name,
                    keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Signer(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("a test certificate could not be made", e);
        }
    }
}
