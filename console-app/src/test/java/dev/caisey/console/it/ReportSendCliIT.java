package dev.caisey.console.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.caisey.console.cli.ExitCodes;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.report.mail.SmtpSettings;
import dev.caisey.server.CaiseyServer;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import dev.caisey.server.mail.MailOptions;
import dev.caisey.server.mail.RetryPolicy;
import dev.caisey.server.mail.SmtpConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caisey session send} against a real server e-mailing through a real SMTP server (GreenMail on loopback): it
 * waits until the report is sent, or returns once queued with {@code --no-wait}, and the access log lists the e-mail.
 */
class ReportSendCliIT {
    private static final String SMTP_USER = "reports@msp.example";
    private static final String SMTP_PASSWORD = "smtp-s3cret";
    private static final List<String> HARBOR_ADDRESSES = List.of("ap@harbor.example", "it@harbor.example");
    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(700), Duration.ofMillis(1_500));

    @TempDir
    Path dir;

    private GreenMail mail;

    @AfterEach
    void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void sendWaitsUntilTheReportReachedTheClientsAddresses() throws Exception {
        int smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD);
        mail.start();
        try (ConsoleHarness h = new ConsoleHarness(dir, mailingServer(smtpPort))) {
            String session = closedSession(h);
            h.login();

            ConsoleHarness.Run sent = h.caisey("session", "send", session);
            assertThat(sent.status()).as(sent.err()).isEqualTo(ExitCodes.OK);
            assertThat(sent.out()).startsWith("queued: ").contains("\nsent: ");
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).isNotEmpty();
            assertThat(Arrays.stream(received[0].getRecipients(Message.RecipientType.TO))
                            .map(Object::toString)
                            .toList())
                    .containsExactlyInAnyOrderElementsOf(HARBOR_ADDRESSES);

            JsonNode queued = Json.parse(
                    h.caisey("session", "send", "--json", "--no-wait", session).out());
            assertThat(queued.get("state").asText()).isEqualTo("queued");
            assertThat(queued.get("session").asText()).isEqualTo(session);

            ConsoleHarness.Run access = h.caisey("session", "access", session);
            assertThat(access.status()).as(access.err()).isZero();
            assertThat(access.out()).contains("  email_requested").contains("  email_sent");

            ConsoleHarness.Run badWait = h.caisey("session", "send", session, "--wait", "0");
            assertThat(badWait.status()).isEqualTo(ExitCodes.USAGE);
            assertThat(badWait.err()).contains("--wait must be at least 1 second.");
        }
    }

    private ServerFixture mailingServer(int smtpPort) {
        ServerFixture started = ServerFixture.start(new CaiseyServer.Config(
                        dir.resolve("server"), "127.0.0.1", 0, "127.0.0.1", Duration.ofMinutes(5), Clock.systemUTC())
                .withMail(new MailOptions(SMTP_PASSWORD, QUICK)));
        new SmtpConfig(started.server().database(), () -> null)
                .save(
                        SmtpSettings.of("127.0.0.1", smtpPort, SmtpSettings.Security.PLAIN, SMTP_USER)
                                .withLogin(SMTP_USER, "not stored"),
                        Instant.now());
        started.server().context().clientAddresses().set(ServerFixture.HARBOR, HARBOR_ADDRESSES);
        return started;
    }

    private static String closedSession(ConsoleHarness h) throws Exception {
        try (ServerFixture.Agent agent = h.fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = h.fixture.console("dana")) {
            String session = dana.ask(new SessionOpen(agent.endpointId(), "HD-4471", null), SessionCreated.class)
                    .session();
            dana.ask(new SessionClose(session, "Restarted the spooler.", Outcome.RESOLVED), Ok.class);
            return session;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
