package dev.caisey.console.login;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.trust.CertificateProbe;
import dev.caisey.console.trust.Confirmation;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.ServerTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Signing in and out for the desktop console, over the client core's trust and token classes: fetch a server's
 * certificate to confirm, sign in with a password once it is confirmed, resume with the remembered token, forget it.
 * Every method blocks on the network or the disk, so the login ViewModel calls them through {@link
 * dev.caisey.console.fx.Background}, never on the UI thread. The password is used once and never stored.
 */
public final class Accounts {
    private final ConsoleHome home;
    private final ConnectionSettings settings;

    /** Sign-ins remembered in {@code home}. */
    public Accounts(ConsoleHome home, ConnectionSettings settings) {
        this.home = home;
        this.settings = settings;
    }

    /** A server's certificate as it presents it now, and whether this computer already trusts it. */
    public record Presented(ServerAddress server, Fingerprint fingerprint, boolean known) {}

    /** Fetches the certificate {@code server} presents; refuses, with both fingerprints, one that changed. */
    public Presented probe(ServerAddress server) {
        KnownServers known = home.knownServers();
        Fingerprint shown = new CertificateProbe(settings.handshakeTimeout()).fetch(server);
        Optional<Fingerprint> trusted = known.find(server);
        if (trusted.isPresent() && !trusted.get().matches(shown)) {
            throw ServerTrust.changed(server, trusted.get(), shown, known);
        }
        return new Presented(server, shown, trusted.isPresent());
    }

    /**
     * Signs in, trusting exactly {@code confirmed} (which the user compared), and remembers the token. Returns a
     * connected client; the caller owns it.
     */
    public ConsoleClient signIn(ServerAddress server, Fingerprint confirmed, String user, String password) {
        KnownServers known = home.knownServers();
        Fingerprint pinned = new ServerTrust(known, new CertificateProbe(settings.handshakeTimeout()))
                .establish(server, Confirmation.expecting(confirmed));
        ConsoleClient client = new ConsoleClient(server, pinned, known, settings);
        remember(client, server);
        try {
            await(client.login(user, password));
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The remembered sign-in, if any (read from disk). */
    public Optional<SavedLogin> saved() {
        return home.tokens().load();
    }

    /** Signs in again with the remembered token; the caller owns the returned client. */
    public ConsoleClient resume(SavedLogin saved) {
        KnownServers known = home.knownServers();
        Fingerprint pinned = known.find(saved.server())
                .orElseThrow(() -> new ConsoleException(
                        Failure.UNTRUSTED,
                        "The server " + saved.server() + " is no longer in " + known.file()
                                + "; sign in again to confirm its certificate."));
        ConsoleClient client = new ConsoleClient(saved.server(), pinned, known, settings);
        remember(client, saved.server());
        try {
            await(client.resume(saved.token()));
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** The folder of the local copy of records of {@code user} on {@code server} (it may not exist yet). */
    public Path mirrorFolder(ServerAddress server, String user) {
        return Mirror.folder(home.data(), server, user);
    }

    /** Whether a local copy of records exists for a remembered sign-in, to work with offline. */
    public boolean hasMirror(SavedLogin saved) {
        return Files.isDirectory(mirrorFolder(saved.server(), saved.user()));
    }

    /** Forgets the remembered sign-in. */
    public void signOut() {
        home.tokens().delete();
    }

    private void remember(ConsoleClient client, ServerAddress server) {
        // The server hands out a fresh token at each sign-in (reconnects included); it replaces the saved one.
        client.onSignedIn(
                ok -> home.tokens().save(new SavedLogin(server, ok.user(), ok.role(), ok.token(), ok.expiresAt())));
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> work) {
        try {
            return work.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof ConsoleException c) {
                throw c;
            }
            throw new ConsoleException(Failure.CONNECTION, "Signing in failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(Failure.CONNECTION, "Interrupted while signing in.");
        }
    }
}
