package dev.caisey.console.cli;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.config.KnownServers;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.config.TokenStore;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.record.event.Micros;
import java.time.Instant;

/**
 * Opens a client with the remembered sign-in: the saved server and token, the server's confirmed certificate. The
 * server hands out a fresh token at each sign-in; it replaces the saved one.
 */
final class SignedIn {
    private SignedIn() {}

    /** A client signed in with the saved token; close it when done. */
    static ConsoleClient open(CliContext context, Common common) {
        ConsoleHome home = context.home(common.configDir);
        TokenStore tokens = home.tokens();
        SavedLogin saved = tokens.load()
                .orElseThrow(() -> new ConsoleException(
                        Failure.NOT_SIGNED_IN,
                        "Not signed in. Run: caisey login --server URL --user NAME --password-stdin"));
        if (Micros.toInstant(saved.expiresAt()).isBefore(Instant.now())) {
            throw new ConsoleException(
                    Failure.NOT_SIGNED_IN,
                    "The sign-in to " + saved.server() + " expired at " + Texts.utc(saved.expiresAt())
                            + ". Run caisey login again.");
        }
        KnownServers known = home.knownServers();
        Fingerprint pinned = known.find(saved.server())
                .orElseThrow(() -> new ConsoleException(
                        Failure.UNTRUSTED,
                        "The server " + saved.server() + " is not in " + known.file()
                                + " any more; sign in again to confirm its certificate."));
        ConsoleClient client = new ConsoleClient(saved.server(), pinned, known, ConnectionSettings.standard());
        client.onSignedIn(
                ok -> tokens.save(new SavedLogin(saved.server(), ok.user(), ok.role(), ok.token(), ok.expiresAt())));
        try {
            CliContext.await(client.resume(saved.token()));
        } catch (ConsoleException e) {
            client.close();
            if (e.failure() == Failure.NOT_SIGNED_IN) {
                throw new ConsoleException(
                        Failure.NOT_SIGNED_IN,
                        "The server no longer accepts the saved sign-in (" + e.getMessage()
                                + "). Run caisey login again.");
            }
            throw e;
        }
        return client;
    }
}
