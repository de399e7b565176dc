package dev.caisey.agent.identity;

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
 * Trusts exactly one server certificate, the one whose SHA-256 fingerprint was given at enrollment. Host names, issuers
 * and validity dates do not matter: the pin is the whole trust decision, so a self-signed server certificate works and
 * nothing else does. The last certificate refused is remembered so the agent can say what it was shown.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {
    private final Fingerprint pinned;
    private final AtomicReference<Fingerprint> refused = new AtomicReference<>();

    /** Trusts the certificate with this fingerprint. */
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

    /** The fingerprint of the last certificate refused since the previous call, or {@code null} if none was. */
    public Fingerprint takeRefused() {
        return refused.getAndSet(null);
    }

    /** The pinned fingerprint. */
    public Fingerprint pinned() {
        return pinned;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        Fingerprint presented = Fingerprint.of(chain[0]);
        if (!presented.matches(pinned)) {
            refused.set(presented);
            throw new CertificateException(
                    "the server's certificate " + presented + " is not the pinned certificate " + pinned);
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
        throw new CertificateException("the agent does not accept client connections");
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
