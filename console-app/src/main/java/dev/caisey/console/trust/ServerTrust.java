package dev.caisey.console.trust;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.connection.ServerAddress;
import java.util.Optional;

/**
 * Trust on first use: the first time the console meets a server it fetches the certificate, the user confirms its
 * fingerprint, and it is remembered; afterwards only that certificate is trusted for that server. A server that
 * presents a different certificate later is refused loudly, with both fingerprints, and nothing is sent to it.
 */
public final class ServerTrust {
    private final KnownServers known;
    private final CertificateProbe probe;

    /** Trust decisions remembered in {@code known}, certificates fetched with {@code probe}. */
    public ServerTrust(KnownServers known, CertificateProbe probe) {
        this.known = known;
        this.probe = probe;
    }

    /** The fingerprint remembered for {@code server}, if the user confirmed one. */
    public Optional<Fingerprint> known(ServerAddress server) {
        return known.find(server);
    }

    /**
     * The fingerprint to pin for {@code server}: the remembered one if the server still presents it, else (first
     * contact) the presented one once {@code confirmation} accepts it, which is then remembered. Blocks on the network
     * and on the user.
     *
     * @throws ConsoleException with {@link Failure#UNTRUSTED} for a changed certificate or one not confirmed, or
     *     {@link Failure#CONNECTION} if the server cannot be reached
     */
    public Fingerprint establish(ServerAddress server, Confirmation confirmation) {
        Fingerprint presented = probe.fetch(server);
        Optional<Fingerprint> remembered = known.find(server);
        if (remembered.isPresent()) {
            if (!presented.matches(remembered.get())) {
                throw changed(server, remembered.get(), presented, known);
            }
            return remembered.get();
        }
        if (!confirmation.confirm(server, presented)) {
            throw new ConsoleException(
                    Failure.UNTRUSTED,
                    "The certificate " + presented + " of the server at " + server.key()
                            + " was not confirmed, so nothing was sent to it.");
        }
        known.add(server, presented);
        return presented;
    }

    /** The refusal of a server whose certificate is no longer the one the user confirmed. */
    public static ConsoleException changed(
            ServerAddress server, Fingerprint trusted, Fingerprint presented, KnownServers known) {
        return new ConsoleException(
                Failure.UNTRUSTED,
                "WARNING: the server at " + server.key() + " presented a DIFFERENT certificate: " + presented
                        + ", but this computer trusts only " + trusted + " for it. Nothing was sent. Someone may be"
                        + " impersonating the server. If its certificate was replaced on purpose, delete the line for "
                        + server.key() + " from " + known.file() + " and sign in again.");
    }
}
