package dev.caisey.server.tls;

import dev.caisey.record.ErrorCode;
import dev.caisey.server.ServerException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Makes the server's own TLS certificate: an EC P-256 key and a self-signed X.509 v3 certificate for {@code
 * localhost}, {@code 127.0.0.1}, {@code ::1} and optionally one more host name or address. Clients trust it by its
 * SHA-256 fingerprint, so it needs no CA; it is a leaf (not a CA) for server authentication only.
 */
final class SelfSignedCertificate {
    /** How long the certificate is valid: 825 days, the longest browsers ever accepted for a server certificate. */
    static final Duration VALIDITY = Duration.ofDays(825);

    /** How far before {@code now} validity starts, so clients with a slow clock accept it at once. */
    static final Duration BACKDATE = Duration.ofHours(1);

    /** The curve of the key. */
    static final String CURVE = "secp256r1";

    /** Random bits in the serial number (positive, as RFC 5280 requires). */
    static final int SERIAL_BITS = 127;

    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    /** A key pair and the certificate for it. */
    record Made(KeyPair keyPair, X509Certificate certificate) {}

    private SelfSignedCertificate() {}

    /**
     * A new key and certificate valid from {@code now}.
     *
     * @param extraHost one more DNS name or IP address to certify, or {@code null}
     * @throws ServerException {@code INVALID} if {@code extraHost} is neither a host name nor an IP address
     */
    static Made create(String extraHost, Instant now) {
        GeneralNames names = subjectAlternativeNames(extraHost);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=Caisey server");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(SERIAL_BITS, new SecureRandom()).setBit(0),
                    Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(VALIDITY)),
                    subject,
                    pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, names)
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new Made(pair, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new ServerException(ErrorCode.INTERNAL, "The server could not make its TLS certificate.", e);
        }
    }

    private static GeneralNames subjectAlternativeNames(String extraHost) {
        List<GeneralName> names = new ArrayList<>(List.of(
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")));
        if (extraHost != null) {
            names.add(generalName(extraHost));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static GeneralName generalName(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IPAddress.isValid(bare)) {
            return new GeneralName(GeneralName.iPAddress, bare);
        }
        if (DNS_NAME.matcher(host).matches()) {
            return new GeneralName(GeneralName.dNSName, host);
        }
        throw new ServerException(
                ErrorCode.INVALID,
                "The host name for the TLS certificate must be a DNS name such as"
                        + " caisey.example.com or an IP address; found '" + host + "'.");
    }
}
