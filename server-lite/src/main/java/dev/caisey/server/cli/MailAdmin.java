package dev.caisey.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.report.ReportException;
import dev.caisey.report.mail.SmtpSettings;
import dev.caisey.server.ServerException;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.db.Database;
import dev.caisey.server.mail.ClientAddresses;
import dev.caisey.server.mail.SmtpConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code admin} commands about reports leaving the server: the mail server ({@code smtp-set}, {@code smtp-show}),
 * where each organisation's reports go ({@code org-set-email}), and who exported, e-mailed or shared what ({@code
 * access-log}). The SMTP password is never an option: the server reads it when it starts, from {@value
 * StartCommand#SMTP_PASSWORD_ENV} or a file.
 */
final class MailAdmin {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MailAdmin() {}

    static ClientAddresses addresses(Database database) {
        return new ClientAddresses(database, new Organisations(database));
    }

    @Command(name = "org-set-email", description = "Set where an organisation's session reports are e-mailed.")
    static final class OrgSetEmail extends AdminCommand.Base {
        @Parameters(index = "0", paramLabel = "ORG_ID")
        String organisation;

        @Option(names = "--email", paramLabel = "ADDRESS", description = "an address (repeat for several)")
        List<String> emails = new ArrayList<>();

        @Option(names = "--none", description = "remove every address: reports cannot be e-mailed")
        boolean none;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            if (none != emails.isEmpty()) {
                throw new ServerException(ErrorCode.INVALID, "Give one or more --email ADDRESS, or --none.");
            }
            List<String> set = addresses(database).set(organisation, emails);
            out.println(
                    set.isEmpty()
                            ? "Reports of " + organisation + " are no longer e-mailed."
                            : "Reports of " + organisation + " go to " + String.join(", ", set) + ".");
        }
    }

    @Command(name = "smtp-set", description = "Set the mail server that e-mails reports to clients.")
    static final class SmtpSet extends AdminCommand.Base {
        @Option(names = "--host", required = true, description = "the mail server's host name")
        String host;

        @Option(names = "--port", required = true, description = "usually 587 for starttls, 465 for tls")
        int port;

        @Option(names = "--security", required = true, description = "plain, starttls or tls")
        String security;

        @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "the sender address")
        String from;

        @Option(
                names = "--user",
                description = "the SMTP login; its password is read when the server starts, from "
                        + StartCommand.SMTP_PASSWORD_ENV + " or --smtp-password-file")
        String user;

        @Option(names = "--connect-timeout-ms", paramLabel = "MILLIS", description = "default: 15000")
        int connectTimeoutMillis = SmtpSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS;

        @Option(names = "--read-timeout-ms", paramLabel = "MILLIS", description = "default: 60000")
        int readTimeoutMillis = SmtpSettings.DEFAULT_READ_TIMEOUT_MILLIS;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            SmtpSettings settings;
            try {
                settings = new SmtpSettings(
                        host,
                        port,
                        SmtpSettings.Security.ofWireName(security.toLowerCase(Locale.ROOT)),
                        user,
                        user == null ? null : "(not stored)",
                        from,
                        connectTimeoutMillis,
                        readTimeoutMillis);
            } catch (ReportException e) {
                throw new ServerException(ErrorCode.INVALID, e.getMessage());
            }
            SmtpConfig config = new SmtpConfig(database, () -> null);
            config.save(settings, now);
            out.println("Reports are e-mailed through " + config.describe().orElseThrow() + ".");
            if (user != null) {
                out.println("Start the server with the SMTP password in " + StartCommand.SMTP_PASSWORD_ENV
                        + " or --smtp-password-file FILE.");
            }
        }
    }

    @Command(name = "smtp-show", description = "Show the mail server settings (never a password).")
    static final class SmtpShow extends AdminCommand.Base {
        @Override
        void run(Database database, PrintWriter out, Instant now) {
            out.println(new SmtpConfig(database, () -> null).describe().orElse(SmtpConfig.NOT_SET));
        }
    }

    @Command(name = "access-log", description = "List who exported, e-mailed or shared session records, and when.")
    static final class AccessLogList extends AdminCommand.Base {
        @Option(names = "--session", paramLabel = "SESSION", description = "only this session")
        String session;

        @Option(names = "--limit", description = "the most recent entries to list (default: ${DEFAULT-VALUE})")
        int limit = 1_000;

        @Option(names = "--json", description = "print a JSON array")
        boolean json;

        @Override
        void run(Database database, PrintWriter out, Instant now) {
            if (limit < 1 || limit > 1_000_000) {
                throw new ServerException(ErrorCode.INVALID, "--limit must be 1 to 1000000.");
            }
            AccessLog log = new AccessLog(database, Clock.systemUTC());
            List<AccessEntry> entries = session == null ? log.all(limit) : log.forSession(session, limit);
            if (json) {
                ArrayNode array = Json.mapper().createArrayNode();
                entries.forEach(e -> array.add(Json.tree(e)));
                out.println(Json.write(array));
                return;
            }
            if (entries.isEmpty()) {
                out.println(session == null ? "The access log is empty." : "Nothing was logged for " + session + ".");
            }
            for (AccessEntry e : entries) {
                out.printf(
                        "%s  %-24s %-15s %-24s %s%s%n",
                        UTC.format(dev.caisey.record.event.Micros.toInstant(e.at())),
                        e.actor() + (e.role() == null ? "" : " (" + e.role().wireName() + ")"),
                        e.action().wireName(),
                        e.session(),
                        e.detail() == null ? "" : e.detail(),
                        "");
            }
        }
    }
}
