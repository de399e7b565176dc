package dev.caisey.console.it;

import static dev.caisey.console.it.FxDriver.act;
import static dev.caisey.console.it.FxDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.app.Composition;
import dev.caisey.console.app.ConsoleOptions;
import dev.caisey.console.config.TokenStore;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import dev.caisey.console.http.HttpDownloads;
import dev.caisey.console.session.CommandPhase;
import dev.caisey.console.session.CommandView;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.workspace.ChatLine;
import dev.caisey.console.workspace.OutputLine;
import dev.caisey.console.workspace.ReportPanelViewModel;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Role;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.EndpointInfo;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionInfo;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.pdf.ReportCheck;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import dev.caisey.server.ws.WebSockets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The desktop console driven like a technician would, headless on Monocle, against a real server and a real agent
 * process: first sign-in with the certificate's fingerprint confirmed, the endpoint list, a session opened with a
 * ticket, commands with their output, a held command approved by the client through the client page's protocol, chat
 * both ways, verification, a note, closing, and a later start resuming with the remembered token.
 */
@Tag("ui")
class ConsoleWindowIT {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxDriver ui = new FxDriver(robot);
    private Stage stage;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Composition startConsole(ConsoleHarness h) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Composition[] made = new Composition[1];
        FxToolkit.setupFixture(() -> {
            made[0] = new Composition(
                    stage,
                    new ConsoleOptions(h.home(), Theme.LIGHT, h.serverUrl()),
                    new Background(Platform::runLater));
            made[0].start();
        });
        return made[0];
    }

    @Test
    void aTechnicianWorksASessionFromSignInToClose() throws Exception {
        try (ConsoleHarness h = new ConsoleHarness(dir)) {
            String endpoint = h.startAgent();
            Composition console = startConsole(h);

            robot.clickOn("#user").write("dana");
            robot.clickOn("#password").write(ServerFixture.PASSWORD);
            ui.screenshot(stage, "login");
            robot.clickOn("#connect");
            ui.until(
                    "the fingerprint to confirm",
                    () -> !((Label) ui.node("#fingerprint")).getText().isEmpty());
            String shown = fx(() -> ((Label) ui.node("#fingerprint")).getText());
            assertThat(Fingerprint.parse(shown)).isEqualTo(Fingerprint.parse(h.fingerprint()));
            assertThat(h.configDir.resolve(TokenStore.FILE)).doesNotExist();
            robot.clickOn("#trust");

            ui.until(
                    "the endpoints",
                    () -> robot.lookup("#endpointTable").tryQuery().isPresent());
            TableView<EndpointInfo> table = ui.node("#endpointTable");
            ui.until(
                    "the agent's endpoint online",
                    () -> table.getItems().stream().anyMatch(e -> e.id().equals(endpoint) && e.online()));
            assertThat(Files.readString(h.configDir.resolve(TokenStore.FILE))).doesNotContain(ServerFixture.PASSWORD);
            robot.clickOn("#endpointSearch").write("no such endpoint");
            ui.until("nothing matches", () -> table.getItems().isEmpty());
            act(() -> ((TextField) ui.node("#endpointSearch")).setText(""));
            ui.until("the endpoint again", () -> table.getItems().size() == 1);
            act(() -> table.getSelectionModel().select(0));
            robot.clickOn("#ticket").write("HD-4471");
            String reported = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(java.time.LocalDateTime.now().minusMinutes(25));
            robot.clickOn("#reportedAt").write(reported);
            ui.screenshot(stage, "endpoints");
            robot.clickOn("#openSession");
            ui.until(
                    "the session's workspace",
                    () -> ((Label) ui.node("#sessionTitle")).getText().contains("HD-4471"));
            String session = fx(() -> ((TabPane) table.getScene().lookup(".tab-pane"))
                    .getSelectionModel()
                    .getSelectedItem()
                    .getId()
                    .substring("session-".length()));
            ui.until(
                    "the SLA clock",
                    () -> ((Label) ui.node("#timing")).getText().contains("SLA 4 h"));

            runCommand("printf 'h\\303\\251llo \\033[31mred\\033[0m\\n'; echo oops >&2; exit 3");
            CommandView first = awaitCommand(0, CommandPhase.FINISHED);
            assertThat(first.exitCode()).isEqualTo(3L);
            ListView<OutputLine> output = ui.node("#outputList");
            ui.until("the output lines", () -> output.getItems().size() == 2);
            assertThat(fx(() -> List.copyOf(output.getItems())))
                    .containsExactlyInAnyOrder(new OutputLine("héllo red", false), new OutputLine("oops", true));

            long start = System.nanoTime();
            // 1.2 MB of output: the server keeps the first MiB of a command's output and says it cut the rest.
            runCommand("yes '" + "x".repeat(99) + "' | head -n 12000");
            CommandView big = awaitCommand(1, CommandPhase.FINISHED);
            ui.until(
                    "a MiB of output as lines, then the cut",
                    () -> output.getItems().getLast().text().startsWith("[Output stops here"),
                    () -> output.getItems().size() + " lines shown of " + big.outputChars() + " characters");
            long millis = (System.nanoTime() - start) / 1_000_000;
            int shownLines = fx(() -> output.getItems().size());
            System.out.printf("1 MiB of output shown as %d lines %d ms after Run%n", shownLines, millis);
            assertThat(shownLines).isEqualTo(1024 * 1024 / 100 + 2);
            assertThat(fx(() -> output.getItems().getFirst())).isEqualTo(new OutputLine("x".repeat(99), false));

            robot.clickOn("#invite");
            ui.until(
                    "the invitation",
                    () -> ((TextField) ui.node("#inviteText")).getText().contains("Code: "));
            Matcher code =
                    Pattern.compile("Code: (\\S+)").matcher(fx(() -> ((TextField) ui.node("#inviteText")).getText()));
            assertThat(code.find()).isTrue();
            assertThat(fx(() -> ((TextField) ui.node("#inviteText")).getText())).contains("/join/");

            try (WireClient page = h.fixture.connect(WebSockets.CLIENT_PATH)) {
                page.ask(new ClientJoin(code.group(1), "Maria Lopez"), ClientJoined.class);
                page.ask(new SessionSubscribe(session, 0), Ok.class);
                ui.until(
                        "the client's presence",
                        () -> ((Label) ui.node("#clientPresence")).getText().contains("Maria Lopez is here"));

                runCommand("kill -0 $$ && echo approved && exit 7");
                awaitCommand(2, CommandPhase.AWAITING_APPROVAL);
                ui.screenshot(stage, "approval");
                answerNextApproval(page, session);
                ui.until("a notification of the approval", () -> notified("Maria Lopez approved “Run this command:"));
                CommandView held = awaitCommand(2, CommandPhase.FINISHED);
                assertThat(held.exitCode()).isEqualTo(7L);
                assertThat(held.answeredBy()).isEqualTo("Maria Lopez");
                ui.until(
                        "the approved command's output",
                        () -> output.getItems().equals(List.of(new OutputLine("approved", false))));

                robot.clickOn("#chatInput").write("I see the spooler is stuck.").push(KeyCode.ENTER);
                page.await(f -> f.body() instanceof EventPush p
                        && p.event().event() instanceof ChatMessage m
                        && m.text().equals("I see the spooler is stuck.")
                        && p.event().actor().role() == Role.TECHNICIAN);
                robot.clickOn("Notes & checks");
                page.ask(new ChatSend(session, "It worked — test page printed."), Ok.class);
                ui.until("the unread count", () -> chatTab().getText().equals("Chat (1 new)"));
                ui.until("a notification of the message", () -> notified("It worked — test page printed."));
                robot.clickOn(fx(() -> chatTab().getText()));
                ListView<ChatLine> chat = ui.node("#chatList");
                ui.until(
                        "the client's message",
                        () -> chat.getItems().stream()
                                .anyMatch(l -> l.fromClient() && l.text().startsWith("It worked")));
                assertThat(fx(() -> chatTab().getText())).isEqualTo("Chat");
                ui.screenshot(stage, "chat");
            }

            // A two-line script typed as a technician would: Shift+Enter for the new line, Enter to run; Up brings it
            // back.
            robot.clickOn("#script")
                    .write("echo one")
                    .push(KeyCode.SHIFT, KeyCode.ENTER)
                    .write("echo two");
            robot.push(KeyCode.ENTER);
            awaitCommand(3, CommandPhase.FINISHED);
            ui.until(
                    "both lines' output",
                    () -> output.getItems()
                            .equals(List.of(new OutputLine("one", false), new OutputLine("two", false))));
            robot.push(KeyCode.UP);
            assertThat(fx(() -> ((TextArea) ui.node("#script")).getText())).isEqualTo("echo one\necho two");
            robot.push(KeyCode.DOWN);
            assertThat(fx(() -> ((TextArea) ui.node("#script")).getText())).isEmpty();

            robot.clickOn("Notes & checks");
            ListView<CommandView> cards = ui.node("#commandList");
            act(() -> cards.getSelectionModel().select(0));
            robot.clickOn("#verifyStatement").write("printf showed héllo");
            robot.clickOn("#verify");
            ui.until(
                    "the verification",
                    () -> activity().stream()
                            .anyMatch(l -> l.contains("Verification PASSED: printf showed héllo (command: printf")));
            robot.clickOn("#verifySelected").clickOn("#verifyFailed");
            robot.clickOn("#verifyStatement")
                    .write("the page does not print yet")
                    .push(KeyCode.ENTER);
            ui.until(
                    "the manual check",
                    () -> activity().stream()
                            .anyMatch(l ->
                                    l.contains("Verification FAILED: the page does not print yet (checked by hand)")));
            robot.clickOn("#noteInput").write("Spooler looked stuck").push(KeyCode.ENTER);
            ui.until("the note", () -> activity().stream().anyMatch(l -> l.contains("Spooler looked stuck")));
            robot.clickOn("#verifyPassed").clickOn("#verifySelected");
            ui.screenshot(stage, "workspace");

            // The tab closed (as after a restart), the open session is reached again from the Sessions tab.
            act(() -> {
                Tab tab = mainTabs().getSelectionModel().getSelectedItem();
                mainTabs().getTabs().remove(tab);
                javafx.event.Event.fireEvent(tab, new javafx.event.Event(Tab.CLOSED_EVENT));
            });
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
            TableView<SessionInfo> sessions = ui.node("#sessionTable");
            ui.until(
                    "the open session listed first",
                    () -> !sessions.getItems().isEmpty()
                            && sessions.getItems().getFirst().session().equals(session)
                            && sessions.getItems().getFirst().closedAt() == null);
            robot.clickOn("#sessionSearch").write("HD-4471");
            ui.until(
                    "the session found by its ticket", () -> sessions.getItems().size() == 1);
            act(() -> sessions.getSelectionModel().select(0));
            act(() -> sessions.requestFocus());
            robot.push(KeyCode.ENTER);
            ui.until(
                    "the session's workspace again, from its first event",
                    () -> ((Label) ui.node("#sessionTitle")).getText().contains("HD-4471")
                            && ((ListView<?>) ui.node("#commandList"))
                                            .getItems()
                                            .size()
                                    == 4);
            ui.until("the notes again", () -> activity().stream().anyMatch(l -> l.contains("Spooler looked stuck")));
            assertThat(fx(() -> shown(ui.node("#script")))).isTrue();
            robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W);
            ui.until("the closing form", () -> ui.node("#resolution").isFocused());
            robot.write("Restarted the spooler; a test page printed.");
            robot.clickOn("#closeSession");
            ui.until(
                    "the closed banner",
                    () -> ((Label) ui.node("#closedBanner"))
                            .getText()
                            .equals("Closed (resolved): Restarted the spooler; a test page printed."),
                    () -> fx(() -> "resolution="
                            + ((TextArea) ui.node("#resolution")).getText() + " activity="
                            + activity() + " message=" + ((Label) ui.node("#workspaceMessage")).getText()));
            ui.until("a read-only workspace", () -> !shown(ui.node("#script")) && !shown(ui.node("#invite")));
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
            ui.until(
                    "the session listed as closed",
                    () -> sessions.getItems().size() == 1
                            && sessions.getItems().getFirst().outcome() == Outcome.RESOLVED);
            ui.screenshot(stage, "sessions");

            // The closed session's report: exported through the panel's model (the native file chooser has no
            // headless form), checked, written whole.
            act(() -> mainTabs()
                    .getSelectionModel()
                    .select(mainTabs().getTabs().stream()
                            .filter(t -> t.getId() != null && t.getId().startsWith("session-"))
                            .findFirst()
                            .orElseThrow()));
            ui.until("the report panel", () -> shown(ui.node("#exportPdf")));
            ReportPanelViewModel report = fx(() ->
                    (ReportPanelViewModel) ui.node("#exportPdf").getProperties().get(ReportPanelViewModel.class));
            assertThat(fx(report::suggestedName)).isEqualTo("HD-4471.pdf");
            Path pdf = dir.resolve("exports").resolve(fx(report::suggestedName));
            act(() -> report.export(pdf));
            ui.until(
                    "the report exported",
                    () -> ((Label) ui.node("#exportStatus")).getText().startsWith("Exported to " + pdf));
            ReportCheck.Checked checked = ReportCheck.check(Files.readAllBytes(pdf));
            assertThat(RecordVerifier.create().verify(checked.record())).isInstanceOf(Verification.Verified.class);
            assertThat(fx(() -> shown(ui.node("#openExported")))).isTrue();

            // A share link for 1 day: it opens the record until it is revoked.
            act(() -> ((javafx.scene.control.ComboBox<?>) ui.node("#shareExpiry"))
                    .getSelectionModel()
                    .select(0));
            robot.clickOn("#createShare");
            ui.until(
                    "the share link",
                    () -> ((TextField) ui.node("#shareUrl")).getText().startsWith("https://"));
            String link = fx(() -> ((TextField) ui.node("#shareUrl")).getText());
            try (HttpDownloads http = new HttpDownloads(
                    ServerAddress.parse(h.serverUrl()), Fingerprint.parse(h.fingerprint()), Duration.ofSeconds(30))) {
                assertThat(http.get(URI.create(link)).get(30, TimeUnit.SECONDS)).isNotEmpty();
                ui.screenshot(stage, "closed-session");
                robot.clickOn("#revokeShare");
                ui.until(
                        "the link revoked",
                        () -> ((Label) ui.node("#shareStatus")).getText().contains("was revoked"));
                assertThat(http.get(URI.create(link))
                                .handle((ok, failure) -> failure == null ? "200" : failure.getMessage())
                                .get(30, TimeUnit.SECONDS))
                        .contains("404");
            }
            ui.until(
                    "export, share and revoke in the access log",
                    () -> {
                        List<String> log = ((ListView<?>) ui.node("#accessList"))
                                .getItems().stream().map(Object::toString).toList();
                        return log.stream().anyMatch(l -> l.contains("dana exported"))
                                && log.stream().anyMatch(l -> l.contains("dana made a share link"))
                                && log.stream().anyMatch(l -> l.contains("dana revoked a share link"));
                    },
                    () -> fx(() ->
                            ((ListView<?>) ui.node("#accessList")).getItems().toString()));

            h.login();
            ConsoleHarness.Run show = h.caisey("show", session);
            assertThat(show.out())
                    .contains("Dana Whitfield wrote: “I see the spooler is stuck.”")
                    .contains("Maria Lopez wrote: “It worked — test page printed.”")
                    .contains("Dana Whitfield verified the fix: printf showed héllo")
                    .contains("Dana Whitfield added a note: “Spooler looked stuck”")
                    .contains("Restarted the spooler; a test page printed.");

            // A later start signs in with the remembered token, without asking for the password.
            act(() -> console.close(() -> {}));
            Stage later = fx(Stage::new);
            FxToolkit.setupFixture(() -> new Composition(
                            later, new ConsoleOptions(h.home(), Theme.DARK, ""), new Background(Platform::runLater))
                    .start());
            ui.until(
                    "the endpoints without a password",
                    () -> robot.lookup("#endpointTable").tryQuery().isPresent());
            ui.until(
                    "connected as dana",
                    () -> ((Label) ui.node("#status")).getText().contains("as dana"));
            ui.screenshot(later, "endpoints-dark");
            robot.push(KeyCode.F1);
            ui.until(
                    "the shortcuts",
                    () -> robot.lookup("Mark as verification").tryQuery().isPresent()
                            && robot.lookup("Show these shortcuts").tryQuery().isPresent());
            robot.push(KeyCode.ESCAPE);
            robot.clickOn("File").clickOn("Sign out");
            ui.until(
                    "the sign-in screen again",
                    () -> ((Label) ui.node("#loginMessage"))
                            .getText()
                            .equals("Signed out. The remembered sign-in was forgotten."));
            assertThat(h.configDir.resolve(TokenStore.FILE)).doesNotExist();
        }
    }

    /** Whether a desktop notification shows a text starting with {@code start}. */
    private boolean notified(String start) {
        return robot.lookup(".notification-bar").queryAll().stream()
                .anyMatch(bar -> robot.from(bar)
                        .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                                && l.getText() != null
                                && l.getText().startsWith(start))
                        .tryQuery()
                        .isPresent());
    }

    /** Whether {@code node} and all its parents are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private TabPane mainTabs() {
        return (TabPane) ui.node("#endpointTable").getScene().lookup(".tab-pane");
    }

    private Tab chatTab() {
        return ((TabPane) ui.node("#chatList").getParent().getParent().getParent())
                .getTabs()
                .get(0);
    }

    private List<String> activity() {
        ListView<String> list = ui.node("#activityList");
        return List.copyOf(list.getItems());
    }

    private void runCommand(String script) {
        act(() -> ((TextArea) ui.node("#script")).setText(script));
        robot.clickOn("#script").push(KeyCode.CONTROL, KeyCode.ENTER);
        ui.until(
                "the script sent",
                () -> ((TextArea) ui.node("#script")).getText().isEmpty());
    }

    private CommandView awaitCommand(int index, CommandPhase phase) {
        ListView<CommandView> cards = ui.node("#commandList");
        ui.until(
                "command " + index + " " + phase,
                () -> cards.getItems().size() > index
                        && cards.getItems().get(index).phase() == phase);
        return fx(() -> cards.getItems().get(index));
    }

    private static void answerNextApproval(WireClient page, String session) throws Exception {
        EventPush push = (EventPush)
                page.await(f -> f.body() instanceof EventPush p && p.event().event() instanceof ApprovalRequested)
                        .body();
        ApprovalRequested asked = (ApprovalRequested) push.event().event();
        page.ask(new ApprovalAnswer(session, asked.approvalId(), true, null), Ok.class);
    }
}
