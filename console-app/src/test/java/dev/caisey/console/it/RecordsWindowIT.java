package dev.caisey.console.it;

import static dev.caisey.console.it.FxDriver.act;
import static dev.caisey.console.it.FxDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.app.Composition;
import dev.caisey.console.app.ConsoleOptions;
import dev.caisey.console.config.ConsoleHome;
import dev.caisey.console.connection.ConnectionSettings;
import dev.caisey.console.connection.ServerAddress;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import dev.caisey.console.login.Accounts;
import dev.caisey.console.mirror.MirroredSession;
import dev.caisey.console.search.SearchHit;
import dev.caisey.console.timeline.TimelineRow;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.workspace.ReportPanelViewModel;
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.NoteAdd;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.record.verify.RecordVerifier;
import dev.caisey.record.verify.Verification;
import dev.caisey.report.pdf.ReportCheck;
import dev.caisey.server.it.ServerFixture;
import dev.caisey.server.it.WireClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The records in the window, against a real server: signed in, the console mirrors every session in the background;
 * a search finds the chat line and opens the timeline at it; the timeline's PDF is exported from the signed report the
 * mirror kept; the SLA tab shows the organisation. Then, with the server gone, the console starts, offers to work
 * offline, and shows, searches and exports the same records from the local copy.
 */
@Tag("ui")
class RecordsWindowIT {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final FxDriver ui = new FxDriver(robot);
    private Stage stage;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void recordsOnlineThenOffline() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(dir.resolve("server"), Duration.ofMinutes(5))) {
            TcpProxy proxy = new TcpProxy(fixture.server().port()); // shut below: the server goes away
            String closed = sessions(fixture);
            ConsoleHome home = new ConsoleHome(dir.resolve("config"));
            new Accounts(home, ConnectionSettings.standard())
                    .signIn(
                            new ServerAddress("127.0.0.1", proxy.port()),
                            Fingerprint.parse(fixture.server().fingerprint()),
                            "mia",
                            ServerFixture.PASSWORD)
                    .close();

            Composition online = start(home);
            ui.until("signed in", () -> ((Label) ui.node("#status")).getText().startsWith("Connected to"));
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
            TableView<MirroredSession> records = ui.node("#recordTable");
            ui.until("both sessions mirrored", () -> records.getItems().size() == 2);
            ui.until(
                    "the closed session's record signed",
                    () -> records.getItems().stream().anyMatch(s -> s.id().equals(closed) && s.fullySigned()));
            ui.until(
                    "the sync done",
                    () -> ((Label) ui.node("#syncStatus")).getText().startsWith("Records up to"));
            ui.screenshot(stage, "records");

            searchAndOpen(closed);
            ui.screenshot(stage, "timeline");
            exportTimelinePdf(closed, dir.resolve("online.pdf"));

            robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
            ui.until(
                    "the SLA figures of Harbor",
                    () -> ((Label) ui.node("#slaSummary")).getText().contains("Harbor Accounting LLP"));
            ui.screenshot(stage, "sla");
            act(() -> online.close(() -> {}));
            FxToolkit.cleanupStages();

            proxy.close();
            Composition offline = start(home);
            ui.until("the offer to work offline", () -> ((Button) ui.node("#workOffline")).isVisible());
            assertThat(fx(() -> ((Button) ui.node("#workOffline")).getText()))
                    .isEqualTo("Work offline with the records of mia on 127.0.0.1:" + proxy.port());
            robot.clickOn("#workOffline");
            ui.until(
                    "the offline banner",
                    () -> ((Label) ui.node("#banner")).getText().startsWith("Working offline"));
            TableView<MirroredSession> held = ui.node("#recordTable");
            ui.until("the records from the local copy", () -> held.getItems().size() == 2);
            ui.until(
                    "when the copy was last synced",
                    () -> ((Label) ui.node("#syncStatus"))
                            .getText()
                            .startsWith("Offline: the local copy as of the last sync, "));
            ui.screenshot(stage, "offline");
            searchAndOpen(closed);
            exportTimelinePdf(closed, dir.resolve("offline.pdf"));
            act(() -> offline.close(() -> {}));
        }
    }

    /** A closed session (reported 20 minutes before, chat, a note, a passed check) and an open one. */
    private static String sessions(ServerFixture fixture) throws Exception {
        try (ServerFixture.Agent agent = fixture.enrollAgent(ServerFixture.HARBOR, "PRN-ACCT-01");
                WireClient dana = fixture.console("dana")) {
            String closed = dana.ask(
                            new SessionOpen(
                                    agent.endpointId(),
                                    "HD-4471",
                                    Micros.of(Instant.now().minus(Duration.ofMinutes(20)))),
                            SessionCreated.class)
                    .session();
            dana.ask(new ChatSend(closed, "The print spooler is stuck; I will restart it."), Ok.class);
            dana.ask(new NoteAdd(closed, "Fourteen jobs were stuck in the queue."), Ok.class);
            dana.ask(new VerificationMark(closed, null, Verdict.PASSED, "A test page printed."), Ok.class);
            dana.ask(new SessionClose(closed, "Restarted the spooler.", Outcome.RESOLVED), Ok.class);
            String open = dana.ask(new SessionOpen(agent.endpointId(), "HD-4480", null), SessionCreated.class)
                    .session();
            dana.ask(new ChatSend(open, "Looking at the scanner now."), Ok.class);
            return closed;
        }
    }

    private void searchAndOpen(String closed) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        act(() -> ((javafx.scene.control.TextField) ui.node("#searchText")).setText("spooler stuck"));
        robot.clickOn("#searchButton");
        TableView<SearchHit> hits = ui.node("#searchResults");
        ui.until("the chat line found", () -> hits.getItems().size() == 1);
        SearchHit hit = fx(() -> hits.getItems().getFirst());
        assertThat(hit.session()).isEqualTo(closed);
        assertThat(hit.snippet().matchedText()).isNotEmpty();
        act(() -> hits.getSelectionModel().select(0));
        robot.clickOn("#searchResults").push(KeyCode.ENTER);
        ui.until("the timeline at the chat line", () -> {
            Tab selected = mainTabs().getSelectionModel().getSelectedItem();
            ListView<TimelineRow> list = ui.node("#timelineList");
            TimelineRow row = list.getSelectionModel().getSelectedItem();
            return selected.getId().equals("timeline-" + closed)
                    && row instanceof TimelineRow.EventRow
                    && row.seq() == hit.seq();
        });
        assertThat(fx(() -> ((Label) ui.node("#headlineSentence")).getText())).contains("fix verified");
    }

    private void exportTimelinePdf(String closed, Path pdf) throws Exception {
        Node status = ui.node("#timelineExport");
        ReportPanelViewModel report =
                fx(() -> (ReportPanelViewModel) status.getProperties().get(ReportPanelViewModel.class));
        assertThat(fx(report::suggestedName)).isEqualTo("HD-4471.pdf");
        act(() -> report.export(pdf));
        ui.until(
                "the PDF written",
                () -> ((Label) ui.node("#exportStatus")).getText().startsWith("Exported to"));
        ReportCheck.Checked checked = ReportCheck.check(Files.readAllBytes(pdf));
        Verification verified = RecordVerifier.create().verify(checked.record());
        assertThat(verified).isInstanceOf(Verification.Verified.class);
        assertThat(((Verification.Verified) verified).export().session().id()).isEqualTo(closed);
    }

    private Composition start(ConsoleHome home) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Composition[] made = new Composition[1];
        FxToolkit.setupFixture(() -> {
            made[0] = new Composition(
                    stage, new ConsoleOptions(home, Theme.LIGHT, ""), new Background(Platform::runLater));
            made[0].start();
        });
        return made[0];
    }

    private TabPane mainTabs() {
        return robot.lookup(n ->
                        n instanceof TabPane p && p.getTabs().stream().anyMatch(t -> "recordsTab".equals(t.getId())))
                .query();
    }
}
