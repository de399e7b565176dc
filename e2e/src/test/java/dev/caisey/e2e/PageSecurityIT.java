package dev.caisey.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.Role;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.web.Pages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** What the client's page must never do: run what people typed, leak its pass, or open more than its one session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSecurityIT {
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;

    private Stage stage;

    @BeforeAll
    void start() throws Exception {
        stage = Stage.start(dir, true);
        stage.fixture
                .server()
                .context()
                .accounts()
                .create(
                        "mallory",
                        XSS,
                        AccountRole.TECHNICIAN,
                        ServerFixture.HARBOR,
                        ServerFixture.PASSWORD,
                        Instant.now());
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void markupInNamesAndChatIsShownAsTheseCharactersAndNeverRuns() throws Exception {
        try (Technician mallory = Technician.signIn(stage.fixture, "mallory")) {
            mallory.open(stage.agent.endpointId());
            try (Browser page = stage.joined(mallory.invite(), XSS)) {
                mallory.chat(XSS);
                page.awaitText(".msg.theirs .text", XSS);
                page.find("#message").sendKeys(XSS, Keys.ENTER);
                page.awaitText(".msg.mine .text", XSS);

                assertThat(page.find("#who").getText()).startsWith(XSS + " from " + Stage.COMPANY);
                assertThat(page.all(".msg .text")).extracting(e -> e.getText()).containsExactly(XSS, XSS);
                assertThat(page.all(".msg .who")).extracting(e -> e.getText()).containsExactly(XSS, XSS);
                assertThat(page.all("img"))
                        .as("no element was made from the text")
                        .isEmpty();
                assertThat(page.driver().findElements(By.xpath("//*[@onerror]")))
                        .isEmpty();
                assertThat(page.alertShown()).isFalse();
            }
        }
    }

    @Test
    void everyPageCarriesAStrictPolicyAndTheCodeBecomesAStrictCookie() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            var invited = dana.invite();
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(stage.fixture.trust())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> redeemed = http.send(
                    HttpRequest.newBuilder(URI.create(invited.url())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redeemed.statusCode()).isEqualTo(303);
            assertThat(redeemed.headers().firstValue("Location")).contains("/client");
            String cookie = redeemed.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie)
                    .matches("caisey-client=[A-Za-z0-9_-]{43}; .*")
                    .contains("; Path=/", "; HttpOnly", "; Secure", "; SameSite=Strict", "; Max-Age=43200");
            for (String path : List.of("/join", "/client", "/assets/client.js", "/assets/caisey.css")) {
                HttpResponse<String> page = http.send(
                        HttpRequest.newBuilder(URI.create(stage.base() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Security-Policy"))
                        .as(path)
                        .contains(Pages.CONTENT_SECURITY_POLICY);
                assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
                assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
                assertThat(page.body()).as(path).doesNotContain("<script>", "style=\"", "http://", "onclick");
            }
            assertThat(http.send(
                                    HttpRequest.newBuilder(URI.create(stage.base() + "/assets/../pom.xml"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePassOpensExactlyItsOneSession() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana");
                Technician other = Technician.signIn(stage.fixture, "dana")) {
            String mine = dana.open(stage.agent.endpointId());
            String theirs = other.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                // The page's own origin and cookie, a second socket, asking for the other session.
                Map<String, Object> seen = (Map<String, Object>) page.async("""
                        const done = arguments[arguments.length - 1];
                        const other = arguments[0];
                        const seen = { replies: [] };
                        const ws = new WebSocket('wss://' + location.host + '/ws/client');
                        ws.onmessage = (m) => {
                          const f = JSON.parse(m.data);
                          if (f.type === 'client.joined') {
                            seen.joined = f.body.session;
                            ws.send(JSON.stringify({v: 1, type: 'session.subscribe', id: 'a', body: {session: other, afterSeq: 0}}));
                            ws.send(JSON.stringify({v: 1, type: 'chat.send', id: 'b', body: {session: other, text: 'hello'}}));
                            ws.send(JSON.stringify({v: 1, type: 'approval.answer', id: 'c', body: {session: other, approvalId: 'x', approve: true}}));
                          } else if (f.re) {
                            seen.replies.push(f.type + ':' + (f.body.code || ''));
                            if (seen.replies.length === 3) { ws.close(); done(seen); }
                          }
                        };
                        ws.onerror = () => done(seen);
                        """, theirs);
                assertThat(seen.get("joined")).isEqualTo(mine);
                assertThat((List<String>) seen.get("replies"))
                        .allSatisfy(r -> assertThat(r).isIn("error:not_found", "error:forbidden"));
                assertThat(Stage.matching(
                                other.record(),
                                e -> e.event() instanceof ParticipantJoined
                                        && e.actor().role() == Role.CLIENT))
                        .isEmpty();
            }
        }
    }
}
