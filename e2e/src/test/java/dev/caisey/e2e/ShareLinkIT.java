package dev.caisey.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.protocol.ShareCreated;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The read-only share page of a closed session in the browser, and links that no longer work. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareLinkIT {
    @TempDir
    static Path dir;

    private Stage stage;

    @BeforeAll
    void start() throws Exception {
        stage = Stage.start(dir, true);
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    /** A closed session with chat, an approved command that ran, and a note. */
    private Technician closedSession() throws Exception {
        Technician dana = Technician.signIn(stage.fixture, "dana");
        dana.open(stage.agent.endpointId());
        try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
            dana.chat("I see the print queue is stuck. May I check the computer?");
            page.find("#message").sendKeys("Yes, please <b>do</b>.", org.openqa.selenium.Keys.ENTER);
            page.awaitText(".msg.mine .text", "Yes, please <b>do</b>.");
            dana.run("c-busy", "uptime", true);
            page.awaitText(".approval .question", "check how busy the computer is");
            page.find(".approval button.approve").click();
            page.awaitText(".approval .outcome", "Finished successfully");
        }
        dana.verified("c-busy", "The computer is not overloaded; the print queue is moving again.");
        dana.close("Cleared the stuck print job; test page printed.");
        return dana;
    }

    @Test
    void theSharePageTellsTheSameStoryAsThePdfAndOffersBothDownloads() throws Exception {
        try (Technician dana = closedSession();
                Browser browser = stage.browser()) {
            ShareCreated share = dana.share(3600);
            browser.open(share.url());
            browser.awaitText("h1", "Harbor Accounting LLP · " + AgentProcess.HOSTNAME);
            assertThat(browser.all("h2"))
                    .extracting(e -> e.getText())
                    .contains(
                            "What happened", "Approvals", "Chat", "Notes", "Verification and resolution", "Integrity");
            assertThat(browser.find(".timeline").getText())
                    .contains("Maria Lopez approved", "Checked how busy the computer is — finished successfully");
            assertThat(browser.find("main").getText())
                    .contains("Yes, please <b>do</b>.", "Cleared the stuck print job", "How to verify")
                    .contains(dana.record().getLast().hash());
            assertThat(browser.all("main b")).extracting(e -> e.getText()).doesNotContain("do");
            assertThat(browser.find("a[href$='/report.pdf']").getText()).contains("signed PDF");
            assertThat(browser.find("a[href$='/record.json']").getText()).contains("JSON");
            browser.viewport(1280, 1500, false);
            Screenshots.save(browser, "share-page.png");

            dana.revoke(share);
            browser.driver().navigate().refresh();
            browser.awaitText("h1", "This link does not work any more");
            assertThat(browser.find("main").getText())
                    .contains("This link has expired or was withdrawn.", "Ask whoever sent it to you for a new one.")
                    .doesNotContain(dana.session());
        }
    }

    @Test
    void anExpiredLinkGetsTheSamePageAsAWithdrawnOne() throws Exception {
        try (Technician dana = closedSession();
                Browser browser = stage.browser()) {
            ShareCreated share = dana.share(1);
            Thread.sleep(1_500);
            browser.open(share.url());
            browser.awaitText("h1", "This link does not work any more");
            assertThat(browser.find("main").getText()).contains("This link has expired or was withdrawn.");
            browser.open(stage.base() + "/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            browser.awaitText("h1", "This link does not work any more");
        }
    }
}
