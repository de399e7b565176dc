package dev.caisey.console.trust;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.connection.ServerAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * Fetches the certificate a server presents, before anything is trusted: a TLS handshake that trusts nothing, so it
 * fails right after the server has shown its certificate and the console has sent nothing but the TLS hello. The
 * fingerprint is then shown to the user to confirm.
 */
public final class CertificateProbe {
    private final Duration timeout;

    /** A probe that gives up after {@code timeout} for connecting and for the handshake each. */
    public CertificateProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The fingerprint of the certificate {@code server} presents.
     *
     * @throws ConsoleException with {@link Failure#CONNECTION} if the server cannot be reached or shows none
     */
    public Fingerprint fetch(ServerAddress server) {
        PinnedTrust nothing = new PinnedTrust(null);
        int millis = Math.toIntExact(timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(server.host(), server.port()), millis);
            plain.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket)
                    nothing.sslContext().getSocketFactory().createSocket(plain, server.host(), server.port(), false)) {
                tls.startHandshake();
            }
        } catch (IOException e) {
            if (nothing.presented() == null) {
                throw new ConsoleException(
                        Failure.CONNECTION,
                        "Cannot reach the server at " + server.key() + " to fetch its certificate: "
                                + Problems.describe(e),
                        e);
            }
        }
        Fingerprint shown = nothing.presented();
        if (shown == null) {
            throw new ConsoleException(
                    Failure.CONNECTION, "The server at " + server.key() + " presented no certificate.");
        }
        return shown;
    }
}
