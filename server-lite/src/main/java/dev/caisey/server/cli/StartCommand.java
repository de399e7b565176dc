package dev.caisey.server.cli;

import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.CaiseyServer;
import dev.caisey.server.auth.Accounts;
import dev.caisey.server.mail.MailOptions;
import dev.caisey.server.mail.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caisey-server start}: opens (or on first start creates) the data folder and serves until stopped. On first
 * start it prints the TLS certificate's fingerprint and the {@code admin} account's one-time password.
 */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Run the server until it is stopped.")
final class StartCommand implements Callable<Integer> {
    /** Environment variable that sets the first administrator's password instead of a random one. */
    static final String ADMIN_PASSWORD_ENV = "CAISEY_ADMIN_PASSWORD";

    /** Environment variable with the password of the SMTP login set by {@code admin smtp-set --user}. */
    static final String SMTP_PASSWORD_ENV = "CAISEY_SMTP_PASSWORD";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data folder")
    private Path data;

    @Option(names = "--port", paramLabel = "PORT", description = "the TLS port (default: ${DEFAULT-VALUE})")
    private int port = 8443;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "the address to listen on (default: ${DEFAULT-VALUE})")
    private String bind = "127.0.0.1";

    @Option(names = "--host", paramLabel = "NAME", description = "the name agents and browsers use to reach the server")
    private String host;

    @Option(
            names = "--smtp-password-file",
            paramLabel = "FILE",
            description = "a file holding the SMTP password (else " + SMTP_PASSWORD_ENV + ")")
    private Path smtpPasswordFile;

    @Option(
            names = "--pkcs12",
            paramLabel = "FILE",
            description = "your own certificate and key (PKCS#12) instead of the self-signed one in the data folder")
    private Path pkcs12;

    @Option(
            names = "--pkcs12-password-file",
            paramLabel = "FILE",
            description = "a file holding the password of --pkcs12 (first line)")
    private Path pkcs12PasswordFile;

    @Option(
            names = "--company",
            paramLabel = "NAME",
            description = "your company's name, shown to clients on their session page (default: none, the page names "
                    + "only the technician)")
    private String company;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if ((pkcs12 == null) != (pkcs12PasswordFile == null)) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.INVALID,
                    "--pkcs12 and --pkcs12-password-file go together: give both, or neither for the self-signed"
                            + " certificate.");
        }
        CaiseyServer server = CaiseyServer.start(new CaiseyServer.Config(
                        data,
                        bind,
                        port,
                        host,
                        dev.caisey.server.sessions.SessionCommands.DEFAULT_APPROVAL_WAIT,
                        java.time.Clock.systemUTC(),
                        pkcs12,
                        pkcs12 == null
                                ? null
                                : firstLine(pkcs12PasswordFile, "certificate password")
                                        .toCharArray())
                .withMail(new MailOptions(smtpPassword(), RetryPolicy.DEFAULT))
                .withCompany(company));
        Accounts accounts = server.context().accounts();
        if (accounts.count() == 0) {
            String given = System.getenv(ADMIN_PASSWORD_ENV);
            String password = given != null ? given : Accounts.randomPassword();
            accounts.create(
                    "admin",
                    "Administrator",
                    AccountRole.ADMINISTRATOR,
                    null,
                    password,
                    server.context().clock().instant());
            out.println(
                    given != null
                            ? "Created the account 'admin' with the password from " + ADMIN_PASSWORD_ENV + "."
                            : "Created the account 'admin' with the one-time password: " + password
                                    + "\n  (shown only now; sign in and change it)");
        }
        out.println("Caisey server " + CaiseyServer.VERSION + " listening on https://" + bind + ":" + server.port());
        out.println("TLS certificate SHA-256 fingerprint: " + server.fingerprint());
        out.println("Checkpoint signing key: " + server.signingKey().keyId());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "caisey-shutdown"));
        try {
            // Serve until the process is stopped; the shutdown hook closes the server in order.
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The SMTP password from its file (first line) or the environment; {@code null} if neither is given. */
    private String smtpPassword() {
        return smtpPasswordFile == null
                ? System.getenv(SMTP_PASSWORD_ENV)
                : firstLine(smtpPasswordFile, "SMTP password");
    }

    private static String firstLine(Path file, String what) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.INVALID,
                    "The " + what + " file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
