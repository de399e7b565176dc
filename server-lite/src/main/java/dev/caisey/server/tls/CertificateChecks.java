package dev.caisey.server.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.IPAddress;

/**
 * Warnings about a certificate the server reuses from its data folder: expired, not naming the host it was asked to
 * name, or readable by others. The server still starts (the administrator decides), but the log says what to do.
 */
final class CertificateChecks {
    private static final System.Logger LOG = System.getLogger(CertificateChecks.class.getName());

    private CertificateChecks() {}

    static void warnIfUnfit(X509Certificate certificate, Path keystore, String extraHost, Instant now)
            throws IOException {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            LOG.log(
                    Level.WARNING,
                    "the TLS certificate in {0} expired on {1}; delete it and {2} to make a new one,"
                            + " and give clients its new fingerprint",
                    keystore,
                    certificate.getNotAfter().toInstant(),
                    TlsMaterial.PASSWORD_FILE);
        }
        if (extraHost != null && !names(certificate).contains(bare(extraHost))) {
            LOG.log(
                    Level.WARNING,
                    "the TLS certificate in {0} does not name {1}; delete it and {2} to make one that" + " does",
                    keystore,
                    extraHost,
                    TlsMaterial.PASSWORD_FILE);
        }
        if (!OwnerOnlyFiles.isOwnerOnly(keystore)) {
            LOG.log(Level.WARNING, "{0} can be read by other users; run: chmod 600 {0}", keystore);
        }
    }

    /** The DNS names and IP addresses the certificate names, in lower case. */
    static List<String> names(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream()
                    .map(name -> String.valueOf(name.get(1)).toLowerCase(Locale.ROOT))
                    .toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** The host as the JDK lists it among the names: IP addresses in their full form, names in lower case. */
    private static String bare(String host) throws IOException {
        String lower = host.toLowerCase(Locale.ROOT);
        String bare = lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
        // A literal address is parsed, never looked up.
        return IPAddress.isValid(bare) ? InetAddress.getByName(bare).getHostAddress() : bare;
    }
}
