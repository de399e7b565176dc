package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.Outcome;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.pdf.ReportCheck;
import dev.caisey.server.ws.WebSockets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed-in console downloads a session's record and signed PDF over real TLS; others are refused in words. */
class ExportIT {
    @TempDir
    Path dir;

    private ServerFixture fixture;
    private HttpClient http;

    @BeforeEach
    void start() {
        fixture = ServerFixture.start(dir, Duration.ofMinutes(5));
        http = HttpClient.newBuilder().sslContext(fixture.trust()).build();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<byte[]> get(String session, String file, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + fixture.server().port() + "/api/sessions/" + session + "/" + file));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String token(String user) throws Exception {
        try (WireClient console = fixture.connect(WebSockets.CONSOLE_PATH)) {
            return console.ask(new Login(user, ServerFixture.PASSWORD), LoginOk.class)
                    .token();
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void theSessionsReaderGetsTheSignedRecordAndPdfAndEachDownloadIsLogged() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = dana.ask(new SessionOpen(agent.endpointId(), "HD-1", null), SessionCreated.class)
                    .session();
            dana.ask(new SessionClose(session, "Printer fixed.", Outcome.RESOLVED), Ok.class);
            String token = token("mia");

            HttpResponse<byte[]> record = get(session, "record.json", token);
            HttpResponse<byte[]> pdf = get(session, "report.pdf", token);

            assertThat(record.statusCode()).isEqualTo(200);
            assertThat(RecordVerifier.create()
                            .trusting(Set.of(fixture.server().signingKey().keyId()))
                            .verify(record.body()))
                    .isInstanceOf(Verification.Verified.class);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            ReportCheck.Checked checked = ReportCheck.check(pdf.body());
            assertThat(checked.record()).isEqualTo(record.body());
            List<AccessEntry> log = fixture.server().context().accessLog().forSession(session, 10);
            assertThat(log)
                    .extracting(AccessEntry::actor, AccessEntry::action, AccessEntry::detail)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("mia", AccessAction.EXPORT, "record JSON"),
                            org.assertj.core.groups.Tuple.tuple("mia", AccessAction.EXPORT, "PDF report"));
        }
    }

    @Test
    void noTokenAWrongTokenOrAnotherOrganisationGetASentenceAndNothingElse() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String session = dana.ask(new SessionOpen(agent.endpointId(), null, null), SessionCreated.class)
                    .session();

            HttpResponse<byte[]> none = get(session, "record.json", null);
            HttpResponse<byte[]> wrong = get(session, "record.json", "A".repeat(43));
            HttpResponse<byte[]> other = get(session, "report.pdf", token("sam"));
            HttpResponse<byte[]> unknown = get("s-nothing", "record.json", token("dana"));
            HttpResponse<byte[]> elsewhere = get(session, "secrets.txt", token("dana"));

            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(text(none)).isEqualTo("Sign in first: this download needs your session.\n");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(text(wrong)).contains("sign in again").doesNotContain("Exception");
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(text(other)).doesNotContain(session).doesNotContain("PRN-ACCT-01");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(elsewhere.statusCode()).isEqualTo(404);
            assertThat(fixture.server().context().accessLog().forSession(session, 10))
                    .isEmpty();
        }
    }
}
