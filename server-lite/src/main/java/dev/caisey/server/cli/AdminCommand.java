package dev.caisey.server.cli;

import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.auth.Accounts;
import dev.caisey.server.auth.Endpoints;
import dev.caisey.server.auth.Enrollment;
import dev.caisey.server.auth.NewEnrollmentToken;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.auth.PasswordHasher;
import dev.caisey.server.auth.SessionTokens;
import dev.caisey.server.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caisey-server admin …}: local administration on a data folder while the server is stopped: accounts and
 * roles, client organisations, enrollment tokens, revocation; the mail settings and access log are {@link
 * MailAdmin}'s.
 */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Administer a data folder (stop the server first).",
        subcommands = {
            AdminCommand.UserAdd.class,
            AdminCommand.UserList.class,
            AdminCommand.UserDisable.class,
            AdminCommand.UserResetPassword.class,
            AdminCommand.OrgAdd.class,
            AdminCommand.OrgList.class,
            AdminCommand.EnrollToken.class,
            AdminCommand.RevokeToken.class,
            AdminCommand.EndpointList.class,
            AdminCommand.RevokeEndpoint.class,
            AdminCommand.Compact.class,
            MailAdmin.OrgSetEmail.class,
            MailAdmin.SmtpSet.class,
            MailAdmin.SmtpShow.class,
            MailAdmin.AccessLogList.class
        })
final class AdminCommand {
    private AdminCommand() {}

    /** The data folder option every admin command takes, and the services on it. */
    static final class Data {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data folder")
        Path dir;

        Database open() {
            return Database.open(dir);
        }
    }

    /** A command that works on the data folder and prints to the command line's output. */
    abstract static class Base implements Callable<Integer> {
        @Mixin
        Data data;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws IOException {
            try (Database database = data.open()) {
                run(database, spec.commandLine().getOut(), Instant.now());
            }
            return 0;
        }

        abstract void run(Database database, PrintWriter out, Instant now) throws IOException;

        static Accounts accounts(Database database) {
            return new Accounts(database, new PasswordHasher(), new SessionTokens(database));
        }
    }

    @Command(name = "user-add", description = "Create an account; prints a one-time password unless --password-stdin.")
    static final class UserAdd extends Base {
        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Option(names = "--name", required = true, description = "the name people see")
        String displayName;

        @Option(names = "--role", required = true, description = "technician, manager or administrator")
        String role;

        @Option(names = "--org", description = "limit the account to one organisation")
        String organisation;

        @Option(names = "--password-stdin", description = "read the password from standard input")
        boolean stdin;

        @Override
        void run(Database database, PrintWriter out, Instant now) throws IOException {
            String password = stdin ? readLine() : Accounts.randomPassword();
            accounts(database)
                    .create(
                            user,
                            displayName,
                            AccountRole.ofWireName(role.toLowerCase(Locale.ROOT)),
                            organisation,
                            password,
                            now);
            out.println("Created " + user + (stdin ? "." : " with the one-time password: " + password));
        }
    }

    @Command(name = "user-list", description = "List the accounts.")
    static final class UserList extends Base {
        @Override
        void run(Database database, PrintWriter out, Instant now) {
            accounts(database)
                    .list()
                    .forEach(a -> out.printf(
                            "%-20s %-14s %-24s %s%n",
                            a.user(), a.role().wireName(), a.displayName(), a.disabled() ? "disabled" : ""));
        }
    }

    @Command(name = "user-disable", description = "Disable an account and end its sign-ins.")
    static final class UserDisable extends Base {
        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            accounts(database).disable(user);
            out.println("Disabled " + user + ".");
        }
    }

    @Command(name = "user-reset-password", description = "Give an account a new one-time password.")
    static final class UserResetPassword extends Base {
        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            String password = Accounts.randomPassword();
            accounts(database).resetPassword(user, password);
            out.println("New one-time password for " + user + ": " + password);
        }
    }

    @Command(name = "org-add", description = "Add a client organisation.")
    static final class OrgAdd extends Base {
        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--zone", required = true, description = "IANA time zone, e.g. America/New_York")
        String zone;

        @Option(names = "--sla", required = true, paramLabel = "MINUTES", description = "SLA target")
        int sla;

        @Option(names = "--policy", defaultValue = "risky", description = "approval policy: none, risky or all")
        String policy;

        @Option(names = "--ticket-required", description = "sessions need a ticket reference")
        boolean ticketRequired;

        @Option(
                names = "--email",
                paramLabel = "ADDRESS",
                description = "where its session reports are e-mailed (repeat for several)")
        java.util.List<String> emails = new java.util.ArrayList<>();

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            new Organisations(database)
                    .create(
                            new Organisation(
                                    id,
                                    name,
                                    Organisation.timeZone(zone),
                                    sla,
                                    ApprovalPolicy.ofWireName(policy.toLowerCase(Locale.ROOT)),
                                    ticketRequired),
                            now);
            if (!emails.isEmpty()) {
                MailAdmin.addresses(database).set(id, emails);
            }
            out.println("Added " + name + " (" + id + ")"
                    + (emails.isEmpty() ? "." : "; reports go to " + String.join(", ", emails) + "."));
        }
    }

    @Command(name = "org-list", description = "List the client organisations.")
    static final class OrgList extends Base {
        @Override
        void run(Database database, PrintWriter out, Instant now) {
            var addresses = MailAdmin.addresses(database);
            new Organisations(database)
                    .list()
                    .forEach(o -> out.printf(
                            "%-16s %-30s %-20s SLA %d min, approvals: %s%s%s%n",
                            o.id(),
                            o.name(),
                            o.timeZone(),
                            o.slaTargetMinutes(),
                            o.approvalPolicy().wireName(),
                            o.ticketReferenceRequired() ? ", ticket required" : "",
                            reportsTo(addresses.of(o.id()))));
        }
    }

    @Command(name = "enroll-token", description = "Create an enrollment token for agents of an organisation.")
    static final class EnrollToken extends Base {
        @Option(names = "--org", required = true)
        String organisation;

        @Option(names = "--expires", defaultValue = "24h", description = "lifetime, e.g. 30m, 24h, 7d")
        String expires;

        @Option(names = "--uses", defaultValue = "1", description = "how many agents may enroll with it")
        int uses;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            NewEnrollmentToken token =
                    new Enrollment(database).createEnrollmentToken(organisation, duration(expires), uses, now);
            out.println(token.token());
            spec.commandLine()
                    .getErr()
                    .println("Token " + token.info().id() + " for " + organisation + ", valid until "
                            + token.info().expiresAt() + " for " + uses + " enrollment(s).");
        }
    }

    @Command(name = "revoke-token", description = "Revoke an enrollment token by its id.")
    static final class RevokeToken extends Base {
        @Parameters(index = "0", paramLabel = "TOKEN_ID")
        String id;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            new Enrollment(database).revokeToken(id, now);
            out.println("Revoked enrollment token " + id + ".");
        }
    }

    @Command(name = "endpoint-list", description = "List enrolled endpoints.")
    static final class EndpointList extends Base {
        @Override
        void run(Database database, PrintWriter out, Instant now) {
            new Endpoints(database)
                    .list()
                    .forEach(e -> out.printf(
                            "%-40s %-20s %-14s %-24s last seen %s%s%n",
                            e.id(),
                            e.hostname(),
                            e.organisationId(),
                            e.os(),
                            e.lastSeenAt() == null ? "never" : e.lastSeenAt(),
                            e.isRevoked() ? " (revoked)" : ""));
        }
    }

    @Command(name = "revoke-endpoint", description = "Revoke an endpoint: its agent can no longer sign in.")
    static final class RevokeEndpoint extends Base {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID")
        String id;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            new Endpoints(database).revoke(id, now);
            out.println("Revoked endpoint " + id + ".");
        }
    }

    @Command(
            name = "compact",
            description = "Rewrite the database file without the space old versions of its pages take.")
    static final class Compact extends Base {
        @Override
        void run(Database database, PrintWriter out, Instant now) throws IOException {
            long before = java.nio.file.Files.size(database.file());
            database.compact();
            out.println("Compacted " + database.file().getFileName() + ": " + before / 1024 + " KiB before, "
                    + java.nio.file.Files.size(database.file()) / 1024 + " KiB after.");
        }
    }

    private static String reportsTo(java.util.List<String> addresses) {
        return addresses.isEmpty() ? "" : ", reports to " + String.join(", ", addresses);
    }

    /** Reads "30m", "24h", "7d" or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.INVALID,
                    "'" + text + "' is not a duration; write e.g. 30m, 24h or 7d.");
        }
    }

    private static String readLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }
}
