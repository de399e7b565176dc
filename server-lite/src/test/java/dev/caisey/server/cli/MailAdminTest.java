package dev.caisey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.db.Database;
import dev.caisey.server.mail.ClientAddresses;
import dev.caisey.server.mail.SmtpConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caisey-server admin} for mail settings, organisation addresses and the access log, on a real data folder. */
class MailAdminTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = ServerCommand.run(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return status;
    }

    private String data() {
        return dir.toString();
    }

    @BeforeEach
    void organisation() {
        assertThat(run(
                        "admin",
                        "org-add",
                        "--data",
                        data(),
                        "o-harbor",
                        "--name",
                        "Harbor Accounting LLP",
                        "--zone",
                        "America/New_York",
                        "--sla",
                        "240",
                        "--email",
                        "ap@harbor.example"))
                .as(err)
                .isZero();
        assertThat(out).contains("reports go to ap@harbor.example");
    }

    @Test
    void setsAnOrganisationsAddressesAndRefusesOneThatIsNotAnAddress() {
        assertThat(run(
                        "admin",
                        "org-set-email",
                        "--data",
                        data(),
                        "o-harbor",
                        "--email",
                        "ap@harbor.example",
                        "--email",
                        "it@harbor.example"))
                .as(err)
                .isZero();
        assertThat(run("admin", "org-set-email", "--data", data(), "o-harbor")).isEqualTo(1);
        assertThat(err).contains("Give one or more --email ADDRESS, or --none.");
        assertThat(run("admin", "org-set-email", "--data", data(), "o-harbor", "--email", "ap at harbor"))
                .isEqualTo(1);
        assertThat(err).contains("'ap at harbor' is not an e-mail address");
        assertThat(run("admin", "org-set-email", "--data", data(), "o-nobody", "--email", "a@b.example"))
                .isEqualTo(1);
        assertThat(err).contains("There is no organisation 'o-nobody'.");

        try (Database database = Database.open(dir)) {
            assertThat(new ClientAddresses(database, new dev.caisey.server.auth.Organisations(database)).of("o-harbor"))
                    .containsExactly("ap@harbor.example", "it@harbor.example");
        }
        assertThat(run("admin", "org-list", "--data", data())).as(err).isZero();
        assertThat(out).contains("reports to ap@harbor.example, it@harbor.example");
    }

    @Test
    void storesTheMailServerButNeverItsPassword() {
        assertThat(run(
                        "admin",
                        "smtp-set",
                        "--data",
                        data(),
                        "--host",
                        "smtp.msp.example",
                        "--port",
                        "587",
                        "--security",
                        "starttls",
                        "--from",
                        "support@msp.example",
                        "--user",
                        "reports"))
                .as(err)
                .isZero();
        assertThat(out).contains("starttls smtp.msp.example:587", "login reports", "CAISEY_SMTP_PASSWORD");
        assertThat(run("admin", "smtp-show", "--data", data())).isZero();
        assertThat(out).startsWith("starttls smtp.msp.example:587, from support@msp.example, login reports");

        assertThat(run(
                        "admin",
                        "smtp-set",
                        "--data",
                        data(),
                        "--host",
                        "smtp.msp.example",
                        "--port",
                        "587",
                        "--security",
                        "ssl",
                        "--from",
                        "support@msp.example"))
                .isEqualTo(1);
        assertThat(err).contains("The SMTP security must be plain, starttls or tls; found 'ssl'.");
        try (Database database = Database.open(dir)) {
            assertThat(new SmtpConfig(database, () -> "from-the-environment")
                            .current()
                            .password())
                    .isEqualTo("from-the-environment");
            assertThat(new SmtpConfig(database, () -> null).describe())
                    .get()
                    .asString()
                    .contains("starttls");
        }
    }

    @Test
    void listsTheAccessLogAsTextOrJsonForOneSessionOrAll() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-17T20:20:01Z"), ZoneOffset.UTC);
        try (Database database = Database.open(dir)) {
            AccessLog log = new AccessLog(database, clock);
            log.record("mia", AccountRole.MANAGER, AccessAction.SHARE_CREATED, "s-1", "share link sh-1");
            log.record("holder of share link sh-1", null, AccessAction.SHARE_VIEWED, "s-1", null);
            log.record("dana", AccountRole.TECHNICIAN, AccessAction.EMAIL_SENT, "s-2", "to ap@harbor.example");
        }

        assertThat(run("admin", "access-log", "--data", data(), "--session", "s-1"))
                .as(err)
                .isZero();
        assertThat(out.lines().toList())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("2026-11-17 20:20:01 UTC  mia (manager)")
                .contains("share_created", "s-1", "share link sh-1");
        assertThat(out).doesNotContain("s-2");

        assertThat(run("admin", "access-log", "--data", data(), "--json")).isZero();
        JsonNode all = Json.parse(out);
        assertThat(all.size()).isEqualTo(3);
        assertThat(all.get(1).get("action").asText()).isEqualTo("share_viewed");
        assertThat(all.get(1).has("role")).isFalse();
        assertThat(all.get(2).get("at").asLong())
                .isEqualTo(dev.caisey.record.event.Micros.of(Instant.parse("2026-11-17T20:20:01Z")));
        assertThat(List.of(
                        all.get(0).get("actor").asText(),
                        all.get(2).get("actor").asText()))
                .containsExactly("mia", "dana");

        assertThat(run("admin", "access-log", "--data", data(), "--session", "s-9"))
                .isZero();
        assertThat(out).isEqualTo("Nothing was logged for s-9.\n");
    }
}
