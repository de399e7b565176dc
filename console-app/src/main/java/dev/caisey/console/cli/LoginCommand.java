package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.config.SavedLogin;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.trust.CertificateProbe;
import dev.caisey.console.trust.Confirmation;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.ServerTrust;
import dev.caisey.record.event.Micros;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.LoginOk;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code caisey login}: confirms the server's certificate on first contact, signs in with the password from standard
 * input and remembers the session token (never the password) in an owner-only file.
 */
@Command(
        name = "login",
        description = "Sign in to a server. The first time, its certificate's SHA-256 fingerprint must be confirmed:"
                + " with --fingerprint, or at the terminal.")
final class LoginCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "wss://host:port of the server.")
    String server;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Your user name.")
    String user;

    @Option(
            names = "--password-stdin",
            required = true,
            description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
            names = "--fingerprint",
            paramLabel = "SHA256",
            description = "The certificate fingerprint caisey-server printed at start (AB:CD:… or hex).")
    String fingerprint;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServerAddress address = ServerAddress.parse(server);
        Fingerprint expected = fingerprint == null ? null : Fingerprint.parse(fingerprint);
        String password = context.readLine("password");
        ConsoleHome home = context.home(common.configDir);
        ConnectionSettings settings = ConnectionSettings.standard();
        ServerTrust trust = new ServerTrust(home.knownServers(), new CertificateProbe(settings.handshakeTimeout()));
        boolean firstContact = trust.known(address).isEmpty();
        Fingerprint pinned = trust.establish(address, confirmation(expected));
        if (firstContact) {
            context.err().println("Trusting the certificate " + pinned + " of " + address.key() + " from now on.");
            context.err().flush();
        }
        try (ConsoleClient client = new ConsoleClient(address, pinned, home.knownServers(), settings)) {
            LoginOk ok = CliContext.await(client.login(user, password));
            home.tokens().save(new SavedLogin(address, ok.user(), ok.role(), ok.token(), ok.expiresAt()));
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("server", address.toString());
                node.put("user", ok.user());
                node.put("role", ok.role().wireName());
                node.put("fingerprint", pinned.toString());
                node.put("expiresAt", Micros.toInstant(ok.expiresAt()).toString());
                context.json(node);
            } else {
                context.out()
                        .println("Signed in to " + address + " as " + ok.user() + " ("
                                + ok.role().wireName() + ") until " + Micros.toInstant(ok.expiresAt()) + ".");
            }
        }
        return ExitCodes.OK;
    }

    private Confirmation confirmation(Fingerprint expected) {
        if (expected != null) {
            return Confirmation.expecting(expected);
        }
        if (context.terminal() == null) {
            return Confirmation.refuse();
        }
        return (address, presented) -> {
            context.terminal()
                    .printf(
                            "The server at %s presents the certificate%n  %s%nIs this the fingerprint caisey-server"
                                    + " printed at start? [y/N] ",
                            address.key(), presented);
            String answer = context.terminal().readLine();
            if (answer == null) {
                throw new ConsoleException(Failure.UNTRUSTED, "No answer; the certificate was not trusted.");
            }
            return answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        };
    }
}
