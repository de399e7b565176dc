package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.AccessList;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.ReportSend;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.SendState;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.ShareCreate;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.record.protocol.ShareRevoke;
import dev.caisey.report.mail.SmtpSettings;
import dev.caisey.server.CaiseyServer;
import dev.caisey.server.mail.MailOptions;
import dev.caisey.server.mail.RetryPolicy;
import dev.caisey.server.mail.SmtpConfig;
import dev.caisey.server.ws.WebSockets;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Send to client" end to end: a console asks the real server to e-mail a closed session's report, the server renders
 * it and sends it to the organisation's addresses through a real SMTP server (GreenMail on loopback), tells the console
 * how it went, retries while the mail server is down, and keeps it all in the access log.
 */
class ReportMailIT {
    private static final String SMTP_USER = "reports@msp.example";
    private static final String SMTP_PASSWORD = "smtp-s3cret";
    private static final List<String> HARBOR_ADDRESSES = List.of("ap@harbor.example", "it@harbor.example");
    /** Short waits so a retry happens within the test; bounded to four attempts. */
    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(700), Duration.ofMillis(1_500));

    @TempDir
    Path dir;

    private ServerFixture fixture;
    private GreenMail mail;
    private int smtpPort;

    @BeforeEach
    void start() throws Exception {
        smtpPort = freePort();
        fixture = startServer();
        fixture.server().context().clientAddresses().set(ServerFixture.HARBOR, HARBOR_ADDRESSES);
        fixture.server()
                .context()
                .accounts()
                .create(
                        "lee",
                        "Lee Park",
                        AccountRole.TECHNICIAN,
                        ServerFixture.HARBOR,
                        ServerFixture.PASSWORD,
                        Instant.now());
    }

    private ServerFixture startServer() {
        ServerFixture started = ServerFixture.start(
                new CaiseyServer.Config(dir, "127.0.0.1", 0, "127.0.0.1", Duration.ofMinutes(5), Clock.systemUTC())
                        .withMail(new MailOptions(SMTP_PASSWORD, QUICK)));
        new SmtpConfig(started.server().database(), () -> null)
                .save(
                        SmtpSettings.of("127.0.0.1", smtpPort, SmtpSettings.Security.PLAIN, SMTP_USER)
                                .withLogin(SMTP_USER, "not stored"),
                        Instant.now());
        return started;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    private void startMailServer() {
        startMailServer(SMTP_PASSWORD);
    }

    private void startMailServer(String password) {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser(SMTP_USER, SMTP_USER, password);
        mail.start();
    }

    /** Opens and closes a session as dana; returns its id. */
    private String closedSession(WireClient dana) throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01")) {
            String session = Steps.openSession(dana, agent);
            Steps.refused(dana.request(new ReportSend(session)), ErrorCode.CONFLICT);
            dana.ask(
                    new SessionClose(session, "Restarted the spooler; test page printed.", Outcome.RESOLVED), Ok.class);
            return session;
        }
    }

    private static ReportSendStatus awaitState(WireClient console, SendState state) throws InterruptedException {
        return (ReportSendStatus) console.await(f -> f.body() instanceof ReportSendStatus s && s.state() == state)
                .body();
    }

    @Test
    void aClosedSessionsReportReachesTheClientsAddressesAndTheAccessLogSaysWhoSentIt() throws Exception {
        startMailServer();
        try (WireClient dana = fixture.console("dana");
                WireClient mia = fixture.console("mia")) {
            String session = closedSession(dana);

            ReportSendStatus queued = dana.ask(new ReportSend(session), ReportSendStatus.class);
            assertThat(queued.state()).isEqualTo(SendState.QUEUED);
            assertThat(queued.message()).isEqualTo("The report is being sent to ap@harbor.example, it@harbor.example.");
            ReportSendStatus sent = awaitState(dana, SendState.SENT);

            assertThat(sent.id()).isEqualTo(queued.id());
            assertThat(sent.attempts()).isEqualTo(1);
            assertThat(sent.message()).isEqualTo("The report was sent to ap@harbor.example, it@harbor.example.");
            MimeMessage[] received = receivedWithin(Duration.ofSeconds(10), 2);
            assertThat(received).hasSize(2);
            assertThat(received[0].getSubject()).startsWith("Support session record: PRN-ACCT-01, ");
            MimeMultipart parts = (MimeMultipart) received[0].getContent();
            assertThat((String) parts.getBodyPart(0).getContent())
                    .contains("Harbor Accounting LLP, carried out by Dana Whitfield", "How to check it");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo(session + ".pdf");
            byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.length).isGreaterThan(10_000);

            ShareCreated share = mia.ask(new ShareCreate(session, 3600), ShareCreated.class);
            mia.ask(new ShareRevoke(share.id()), Ok.class);
            AccessEntries log = mia.ask(new AccessList(session), AccessEntries.class);

            assertThat(log.more()).isFalse();
            assertThat(log.entries())
                    .extracting(AccessEntry::action)
                    .containsExactly(
                            AccessAction.EMAIL_REQUESTED,
                            AccessAction.EMAIL_SENT,
                            AccessAction.SHARE_CREATED,
                            AccessAction.SHARE_REVOKED);
            assertThat(log.entries()).extracting(AccessEntry::actor).containsExactly("dana", "dana", "mia", "mia");
            assertThat(log.entries().get(1).role()).isEqualTo(AccountRole.TECHNICIAN);
            assertThat(log.entries().get(1).detail()).isEqualTo("to ap@harbor.example, it@harbor.example");
            assertThat(log.entries().get(2).detail()).startsWith("share link " + share.id());
            String token = share.url().substring(share.url().lastIndexOf('/') + 1);
            assertThat(log.entries())
                    .allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(token));
            assertThat(log.entries()).extracting(AccessEntry::at).isSorted();
            // The technician who worked on the session reads its log too.
            assertThat(dana.ask(new AccessList(session), AccessEntries.class).entries())
                    .hasSize(4);
        }
    }

    @Test
    void aClientAnotherTechnicianOrAnotherOrganisationIsRefusedAndNothingIsSent() throws Exception {
        startMailServer();
        try (WireClient dana = fixture.console("dana");
                WireClient lee = fixture.console("lee");
                WireClient sam = fixture.console("sam")) {
            String session = closedSession(dana);
            try (WireClient page = fixture.connect(WebSockets.CLIENT_PATH)) {
                Steps.refused(page.request(new ReportSend(session)), ErrorCode.FORBIDDEN);
                Steps.refused(page.request(new AccessList(session)), ErrorCode.FORBIDDEN);
            }
            Map<String, Long> heads = fixture.heads();

            Frame leeSend = lee.request(new ReportSend(session));
            Frame leeLog = lee.request(new AccessList(session));
            Frame samSend = sam.request(new ReportSend(session));
            Frame samLog = sam.request(new AccessList(session));

            assertThat(Steps.refused(leeSend, ErrorCode.FORBIDDEN).message())
                    .isEqualTo("Only the technician who worked on this session, a manager or an administrator can do"
                            + " this.");
            Steps.refused(leeLog, ErrorCode.FORBIDDEN);
            Steps.refused(samSend, ErrorCode.NOT_FOUND);
            Steps.refused(samLog, ErrorCode.NOT_FOUND);
            Steps.refused(dana.request(new ReportSend("s-no-such-session")), ErrorCode.NOT_FOUND);
            assertThat(receivedWithin(Duration.ofMillis(500), 1)).isEmpty();
            assertThat(fixture.heads()).isEqualTo(heads);
            assertThat(fixture.server().context().accessLog().forSession(session, 10))
                    .isEmpty();

            fixture.server().context().clientAddresses().set(ServerFixture.HARBOR, List.of());
            assertThat(Steps.refused(dana.request(new ReportSend(session)), ErrorCode.CONFLICT)
                            .message())
                    .contains("Harbor Accounting LLP has no e-mail address", "org-set-email");
        }
    }

    @Test
    void whileTheMailServerIsDownTheFailureIsToldInWordsAndTriedAgainUntilItIsDelivered() throws Exception {
        try (WireClient dana = fixture.console("dana")) {
            String session = closedSession(dana);

            ReportSendStatus queued = dana.ask(new ReportSend(session), ReportSendStatus.class);
            ReportSendStatus retrying = awaitState(dana, SendState.RETRYING);
            assertThat(retrying.id()).isEqualTo(queued.id());
            assertThat(retrying.message())
                    .startsWith("The mail server at 127.0.0.1:" + smtpPort + " could not be reached; check that it"
                            + " is running")
                    .contains("Trying again at", "(attempt 2 of 4)");
            assertThat(retrying.nextAttemptAt()).isNotNull();
            Steps.assertPlainWords(retrying.message());
            startMailServer();

            ReportSendStatus sent = awaitState(dana, SendState.SENT);
            assertThat(sent.attempts()).isBetween(2L, 4L);
            assertThat(receivedWithin(Duration.ofSeconds(10), 2)).hasSize(2);
        }
    }

    @Test
    void aLoginTheMailServerRefusesFailsAtOnceInWordsWithoutRetrying() throws Exception {
        startMailServer("the password the server was not given");
        try (WireClient dana = fixture.console("dana")) {
            String session = closedSession(dana);

            dana.ask(new ReportSend(session), ReportSendStatus.class);
            ReportSendStatus failed = awaitState(dana, SendState.FAILED);

            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.message())
                    .isEqualTo("The mail server refused the login; check the SMTP user and password in the server"
                            + " settings.");
            assertThat(dana.drain())
                    .noneMatch(f -> f.body() instanceof ReportSendStatus s && s.state() == SendState.RETRYING);
            assertThat(mail.getReceivedMessages()).isEmpty();
            assertThat(fixture.server().context().accessLog().forSession(session, 10))
                    .last()
                    .satisfies(e -> {
                        assertThat(e.action()).isEqualTo(AccessAction.EMAIL_FAILED);
                        assertThat(e.detail()).startsWith("The mail server refused the login");
                    });
        }
    }

    @Test
    void aMailServerThatStaysDownIsGivenUpAfterTheLastAttempt() throws Exception {
        try (WireClient dana = fixture.console("dana")) {
            String session = closedSession(dana);
            long started = System.nanoTime();

            dana.ask(new ReportSend(session), ReportSendStatus.class);
            ReportSendStatus failed = awaitState(dana, SendState.FAILED);

            assertThat(failed.attempts()).isEqualTo(4);
            assertThat(failed.message()).contains("could not be reached").endsWith("Gave up after 4 attempts.");
            assertThat(failed.nextAttemptAt()).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
            assertThat(fixture.server().context().accessLog().forSession(session, 10))
                    .extracting(AccessEntry::action)
                    .containsExactly(AccessAction.EMAIL_REQUESTED, AccessAction.EMAIL_FAILED);
        }
    }

    @Test
    void aSendPendingWhenTheServerStopsIsDeliveredAfterItStartsAgain() throws Exception {
        String session;
        try (WireClient dana = fixture.console("dana")) {
            session = closedSession(dana);
            dana.ask(new ReportSend(session), ReportSendStatus.class);
            awaitState(dana, SendState.RETRYING);
        }
        fixture.close();
        fixture = null;
        startMailServer();

        fixture = startServer();

        assertThat(receivedWithin(Duration.ofSeconds(15), 2)).hasSize(2);
        assertThat(logWithin(session, Duration.ofSeconds(5), 2))
                .extracting(AccessEntry::action)
                .containsExactly(AccessAction.EMAIL_REQUESTED, AccessAction.EMAIL_SENT);
    }

    /** The session's access log once it has {@code count} entries, or when {@code wait} is over. */
    private List<AccessEntry> logWithin(String session, Duration wait, int count) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        var log = fixture.server().context().accessLog();
        while (log.forSession(session, 10).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return log.forSession(session, 10);
    }

    /** The messages GreenMail holds once there are {@code count} of them, or when {@code wait} is over. */
    private MimeMessage[] receivedWithin(Duration wait, int count) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (mail.getReceivedMessages().length < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return mail.getReceivedMessages();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
