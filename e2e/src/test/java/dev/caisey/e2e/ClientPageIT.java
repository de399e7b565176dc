package dev.caisey.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The client's page in headless Chromium, against a real server and a real agent process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPageIT {
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

    @Test
    void theClientJoinsWithATypedCodeAndSeesWhoIsHelpingAndThatItIsRecorded() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            var invited = dana.invite();
            try (Browser page = stage.joined(invited, "Maria Lopez")) {
                assertThat(page.driver().getCurrentUrl())
                        .isEqualTo(stage.base() + "/client")
                        .doesNotContain(invited.code());
                assertThat(page.find("#company").getText()).isEqualTo(Stage.COMPANY);
                assertThat(page.find("#who").getText())
                        .contains("Dana Whitfield from " + Stage.COMPANY + " is helping you with the computer "
                                + AgentProcess.HOSTNAME + ".");
                assertThat(page.find(".recorded").getText()).contains("This session is being recorded");

                Cookie pass = page.driver().manage().getCookieNamed("caisey-client");
                assertThat(pass.isHttpOnly()).isTrue();
                assertThat(pass.isSecure()).isTrue();
                assertThat(pass.getSameSite()).isEqualTo("Strict");
                assertThat(pass.getValue()).hasSize(43);
                assertThat((String) page.driver().executeScript("return document.cookie"))
                        .doesNotContain("caisey-client");

                List<RecordedEvent> joined = Stage.matching(
                        dana.record(),
                        e -> e.event() instanceof ParticipantJoined && e.actor().role() == Role.CLIENT);
                assertThat(joined).singleElement().satisfies(e -> {
                    assertThat(e.actor().name()).isEqualTo("Maria Lopez");
                    assertThat(((ParticipantJoined) e.event()).via()).isEqualTo("browser");
                });
            }
        }
    }

    @Test
    void chatGoesBothWaysWithTimesInTheBrowsersOwnZone() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                page.driver()
                        .executeCdpCommand(
                                "Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Asia/Kolkata"));
                String question = "I see the print spooler is stuck. I need to restart it. Is that okay?";
                dana.chat(question);
                page.awaitText(".msg.theirs .text", question);
                WebElement theirs = page.find(".msg.theirs");
                assertThat(theirs.findElement(org.openqa.selenium.By.cssSelector(".who"))
                                .getText())
                        .isEqualTo("Dana Whitfield");

                page.find("#message").sendKeys("Yes, go ahead.", Keys.ENTER);
                page.awaitText(".msg.mine .text", "Yes, go ahead.");
                assertThat(page.find("#message").getAttribute("value")).isEmpty();

                List<RecordedEvent> chat = Stage.matching(dana.record(), e -> e.event() instanceof ChatMessage);
                assertThat(chat)
                        .extracting(e -> ((ChatMessage) e.event()).text())
                        .containsExactly(question, "Yes, go ahead.");
                assertThat(chat.get(1).actor().role()).isEqualTo(Role.CLIENT);
                assertThat(chat.get(1).actor().name()).isEqualTo("Maria Lopez");
                String expected = DateTimeFormatter.ofPattern("h:mm a", Locale.US)
                        .format(Instant.ofEpochSecond(0, chat.get(1).at() * 1000)
                                .atZone(ZoneId.of("Asia/Kolkata")));
                assertThat(page.find(".msg.mine time").getText().replace('\u202f', ' '))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void anApprovedCommandRunsOnlyAfterTheClientApproves() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                dana.run("c-busy", "uptime", true);
                page.awaitText(
                        ".approval.pending .question", "Your technician wants to check how busy the computer is.");
                assertThat(page.find(".approval .detail").getText()).contains("The exact command (sh): uptime");
                assertThat(page.find(".approval .countdown").getText()).contains("Open for 0:");
                Thread.sleep(1_000);
                assertThat(Stage.matching(dana.record(), e -> e.event() instanceof CommandStarted))
                        .as("nothing runs before the answer")
                        .isEmpty();

                page.find(".approval button.approve").click();
                page.awaitText(".approval .outcome", "Finished successfully");
                assertThat(page.all(".approval button")).isEmpty();

                List<RecordedEvent> record = dana.record();
                RecordedEvent granted = single(record, ApprovalGranted.class);
                RecordedEvent started = single(record, CommandStarted.class);
                RecordedEvent finished = single(record, CommandFinished.class);
                assertThat(granted.actor().role()).isEqualTo(Role.CLIENT);
                assertThat(granted.seq()).isLessThan(started.seq());
                assertThat(started.seq()).isLessThan(finished.seq());
                assertThat(((CommandFinished) finished.event()).exitCode()).isZero();
            }
        }
    }

    @Test
    void aDeniedCommandNeverRuns() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                dana.run("c-list", "ps", true);
                page.awaitText(".approval.pending .question", "Your technician wants to list the programs running");
                page.find(".approval button.deny").click();
                page.awaitText(".approval .outcome", "Nothing was run.");
                assertThat(page.find(".approval").getAttribute("class")).contains("denied");
                Thread.sleep(1_500);
                List<RecordedEvent> record = dana.record();
                assertThat(single(record, ApprovalDenied.class).actor().role()).isEqualTo(Role.CLIENT);
                assertThat(Stage.matching(record, e -> e.event() instanceof CommandStarted))
                        .isEmpty();
            }
        }
    }

    @Test
    void anUnansweredRequestExpiresAndNothingRuns() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                dana.run("c-late", "uptime", true);
                page.awaitText(".approval .countdown", "Open for 0:");
                page.awaitText(".approval .outcome", "Nobody answered in time, so nothing was run.");
                assertThat(page.all(".approval button")).isEmpty();
                List<RecordedEvent> record = dana.record();
                assertThat(single(record, ApprovalExpired.class).actor().role()).isEqualTo(Role.SERVER);
                assertThat(Stage.matching(record, e -> e.event() instanceof CommandStarted))
                        .isEmpty();
            }
        }
    }

    @Test
    void theClosedSessionSaysSoAndOffersNothingMore() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                dana.close("Printer fixed.");
                page.awaitText("#ended", "The session has ended");
                assertThat(page.find("#status").getText()).isEqualTo("Session ended");
                assertThat(page.all("#send, #message, button")).isEmpty();

                page.driver().navigate().refresh();
                page.awaitText("#ended", "ask your technician for a new code");
                assertThat(page.all("#send, #message, button")).isEmpty();
            }
        }
    }

    @Test
    void looksCalmOnAPhoneAndOnADesktop() throws Exception {
        try (Technician dana = Technician.signIn(stage.fixture, "dana")) {
            dana.open(stage.agent.endpointId());
            try (Browser page = stage.joined(dana.invite(), "Maria Lopez")) {
                dana.chat("Hello Maria, this is Dana from Northwind. I can see the print queue is stuck.");
                page.awaitText(".msg .text", "print queue is stuck");
                page.find("#message")
                        .sendKeys("Hi Dana, thank you. Nothing has printed since this morning.", Keys.ENTER);
                page.awaitText(".msg.mine .text", "Nothing has printed");
                dana.run("c-busy", "uptime", true);
                page.awaitText(".approval .question", "check how busy the computer is");
                page.find(".approval button.approve").click();
                page.awaitText(".approval .outcome", "Finished successfully");
                dana.chat("Thanks. Next I need to restart the printing service; please approve it on your screen.");
                dana.run("c-cups", "systemctl restart cups", false);
                page.awaitText(
                        ".approval.pending .question",
                        "Your technician wants to restart the printing (CUPS) service. Printing will stop for a few seconds.");
                page.driver().executeScript("document.activeElement.blur()");

                page.viewport(390, 844, true);
                Thread.sleep(300);
                Screenshots.save(page, "client-phone.png");
                Number overflow = (Number) page.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue())
                        .as("no sideways scrolling at 390 px")
                        .isLessThanOrEqualTo(0);
                page.viewport(360, 740, true);
                overflow = (Number) page.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow.intValue())
                        .as("no sideways scrolling at 360 px")
                        .isLessThanOrEqualTo(0);
                page.viewport(1280, 800, false);
                Thread.sleep(300);
                Screenshots.save(page, "client-desktop.png");

                page.find(".approval.pending button.deny").click();
                page.awaitText(".approval.denied .outcome", "Nothing was run.");
            }
        }
    }

    static RecordedEvent single(List<RecordedEvent> record, Class<?> type) {
        List<RecordedEvent> found = Stage.matching(record, e -> type.isInstance(e.event()));
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }
}
