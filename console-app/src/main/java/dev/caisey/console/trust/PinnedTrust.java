package dev.caisey.console.trust;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, the one whose fingerprint the user confirmed. Host names, issuers and dates do
 * not matter: the pin is the whole trust decision, so a self-signed server works and nothing else does. The last
 * certificate seen is remembered, so a refusal can name the fingerprint the server showed. With no pin at all it trusts
 * nothing and only remembers what it was shown: that is how the console fetches a certificate to confirm on first
 * contact without sending a byte of its own.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {
    private final Fingerprint pinned;
    private final AtomicReference<Fingerprint> presented = new AtomicReference<>();

    /** Trusts the certificate with this fingerprint; {@code null} trusts none. */
    public PinnedTrust(Fingerprint pinned) {
        this.pinned = pinned;
    }

    /** A TLS client context that trusts only the pinned certificate. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no TLS", e);
        }
    }

    /** The pinned fingerprint, or {@code null}. */
    public Fingerprint pinned() {
        return pinned;
    }

    /** The fingerprint of the certificate the server last presented, or {@code null} if none yet. */
    public Fingerprint presented() {
        return presented.get();
    }

    /** Whether the server last presented a certificate other than the pinned one. */
    public boolean refusedLast() {
        Fingerprint last = presented.get();
        return last != null && (pinned == null || !last.matches(pinned));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        Fingerprint shown = Fingerprint.of(chain[0]);
        presented.set(shown);
        if (pinned == null || !shown.matches(pinned)) {
            throw new CertificateException("the server's certificate " + shown + " is not the trusted one");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the console does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
