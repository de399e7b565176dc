package dev.caisey.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.server.it.ServerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong and guessed join codes, in the browser: plain words and the form again, then a pause for the guesser. */
class JoinCodeIT {
    private Stage stage;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        stage = Stage.start(dir, false);
    }

    @AfterEach
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void aWrongCodeSaysWhatToDoAndTooManyAreRefusedEvenWhenTheNextIsRight() throws Exception {
        try (ServerFixture.Agent agent = stage.fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                Technician dana = Technician.signIn(stage.fixture, "dana");
                Browser page = stage.browser()) {
            dana.open(agent.endpointId());
            String right = dana.invite().code();
            page.open(stage.base() + "/join");
            assertThat(page.find("label[for=code]").getText()).isEqualTo("Code");
            for (int attempt = 1; attempt <= 10; attempt++) {
                page.find("#code").sendKeys("WRNG" + attempt + "AAA");
                page.submit("form button[type=submit]");
                page.awaitText(".problem", "That code did not work");
            }
            assertThat(page.find(".problem").getText())
                    .contains("Check it with your technician, or ask for a new one.")
                    .doesNotContain("Exception", "at dev.");
            assertThat(page.driver().getCurrentUrl()).endsWith("/join");

            page.find("#code").sendKeys(right);
            page.submit("form button[type=submit]");
            page.awaitText(".problem", "Too many wrong codes from this connection. Wait a minute, then try again.");
            assertThat(page.driver().manage().getCookieNamed("caisey-client")).isNull();
        }
    }

    @Test
    void anUnknownLinkGetsTheFormWithAPlainSentence() throws Exception {
        try (Browser page = stage.browser()) {
            page.open(stage.base() + "/join/NOSUCHCODE");
            page.awaitText(".problem", "That code did not work");
            assertThat(page.find("#code").getAttribute("value")).isEmpty();
            assertThat(page.find("h1").getText()).isEqualTo("Join your support session");
        }
    }
}
