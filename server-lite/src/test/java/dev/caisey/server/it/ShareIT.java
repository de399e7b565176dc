package dev.caisey.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.ShareCreate;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.record.protocol.ShareRevoke;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.server.web.Pages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Share links over real TLS: one closed session's page and signed record, until revoked. */
class ShareIT {
    private static final String GONE = "This link has expired or was withdrawn.";

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

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLinkOpensExactlyOneClosedRecordUntilItIsRevoked() throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana");
                WireClient mia = fixture.console("mia");
                WireClient sam = fixture.console("sam")) {
            String ticket = "<img src=x onerror=alert(1)>";
            String session = dana.ask(new SessionOpen(agent.endpointId(), ticket, null), SessionCreated.class)
                    .session();
            Steps.refused(dana.request(new ShareCreate(session, 3600)), ErrorCode.CONFLICT);
            dana.ask(new SessionClose(session, "Printer fixed.", Outcome.RESOLVED), Ok.class);
            Steps.refused(sam.request(new ShareCreate(session, 3600)), ErrorCode.NOT_FOUND);

            ShareCreated share = mia.ask(new ShareCreate(session, 3600), ShareCreated.class);
            HttpResponse<String> page = get(share.url());
            HttpResponse<String> record = get(share.url() + "/record.json");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).contains(Pages.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(page.body())
                    .contains("Harbor Accounting LLP", "PRN-ACCT-01", "Dana Whitfield", "resolved")
                    .contains("What happened", "Integrity", "How to verify", "/report.pdf")
                    .contains("&lt;img src=x onerror=alert(1)&gt;")
                    .doesNotContain(ticket)
                    .doesNotContain("<script");
            assertThat(record.statusCode()).isEqualTo(200);
            Verification verified = RecordVerifier.create()
                    .trusting(Set.of(fixture.server().signingKey().keyId()))
                    .verify(record.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(verified).isInstanceOf(Verification.Verified.class);
            assertThat(verified.message()).contains("closed: resolved");
            HttpResponse<byte[]> pdf = http.send(
                    HttpRequest.newBuilder(URI.create(share.url() + "/report.pdf"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
            String pdfText = new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(pdfText).startsWith("%PDF-").contains("/ByteRange", "CaiseyReportSignature");

            assertThat(fixture.server().context().accessLog().forSession(session, 20))
                    .extracting(e -> e.action().wireName() + " by " + e.actor() + ": " + e.detail())
                    .contains(
                            "share_viewed by holder of share link " + share.id() + ": share page",
                            "export by holder of share link " + share.id() + ": record JSON",
                            "export by holder of share link " + share.id() + ": PDF report")
                    .noneMatch(line ->
                            line.contains(share.url().substring(share.url().lastIndexOf('/') + 1)));
            Steps.refused(sam.request(new ShareRevoke(share.id())), ErrorCode.NOT_FOUND);
            assertThat(get(share.url()).statusCode()).isEqualTo(200);
            dana.ask(new ShareRevoke(share.id()), Ok.class);

            HttpResponse<String> gone = get(share.url() + "/record.json");
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body())
                    .contains(GONE, "Ask whoever sent it to you for a new one.")
                    .doesNotContain(session);
            assertThat(get(share.url()).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aMadeUpOrMalformedLinkGetsTheSamePlainNotFound() throws Exception {
        String base = "https://127.0.0.1:" + fixture.server().port() + "/share/";

        for (String path : new String[] {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x/record.json", "", "a/b/c"}) {
            HttpResponse<String> response = get(base + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains(GONE);
        }
        // Grizzly itself refuses an encoded slash, with an empty body: no error dump either way.
        HttpResponse<String> encoded = get(base + "..%2F..%2Fetc");
        assertThat(encoded.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(encoded.body()).isEmpty();
        HttpResponse<String> elsewhere =
                get("https://127.0.0.1:" + fixture.server().port() + "/nothing/here");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).isEqualTo("There is nothing here.\n");
    }

    @Test
    void tooManyFailedLinksFromOneAddressAreRefusedForAWhileEvenIfTheNextOneIsGood() throws Exception {
        String base = "https://127.0.0.1:" + fixture.server().port() + "/share/";
        for (int i = 0; i < 10; i++) {
            assertThat(get(base + "guess" + i).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> limited = get(base + "guess-more");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Wait a minute").doesNotContain("Exception");
    }
}
