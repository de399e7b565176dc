package dev.caisey.console.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import dev.caisey.console.timeline.TimelineRow.EventRow;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline on screen, headless on Monocle: the printer-spooler story in order, the client's approval in the
 * Client lane, filters, "Jump to", Ctrl+E, and a session of 100,000 events that paints its first rows while the rest
 * is read and scrolls to its end.
 */
@Tag("ui")
class TimelineViewIT {
    private static final System.Logger LOG = System.getLogger(TimelineViewIT.class.getName());
    private static final long WAIT_SECONDS = 60;

    private final FxRobot robot = new FxRobot();
    private final AtomicInteger exports = new AtomicInteger();
    private Stage stage;
    private Background background;
    private TimelineViewModel vm;
    private TimelineView view;

    @BeforeEach
    void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (background != null) {
            background.close();
        }
    }

    private void open(List<RecordedEvent> events) throws Exception {
        FxToolkit.setupFixture(() -> {
            Theme.LIGHT.apply();
            background = new Background(Platform::runLater);
            vm = new TimelineViewModel(background, new ListSource(events));
            view = new TimelineView(vm, exports::incrementAndGet);
            Scene scene = new Scene((Parent) view.node(), 1280, 760);
            scene.getStylesheets()
                    .add(Theme.class.getResource(Theme.CONSOLE_CSS).toExternalForm());
            stage.setScene(scene);
            stage.show();
            vm.load();
        });
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the window failed", e);
        }
    }

    private void until(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the timeline did not show " + what + " in " + WAIT_SECONDS + " s", e);
        }
    }

    private ListView<TimelineRow> list() {
        return robot.lookup("#timelineList").queryListView();
    }

    /** The rows the visible cells paint, top to bottom. */
    private List<TimelineRow> painted() {
        return fx(() -> robot.lookup(".timeline-cell").queryAllAs(TimelineCell.class).stream()
                .filter(c ->
                        c.isVisible() && c.getItem() != null && c.getGraphic().isVisible())
                .sorted(Comparator.comparingInt(TimelineCell::getIndex))
                .map(TimelineCell::getItem)
                .distinct()
                .toList());
    }

    private static int indexOf(List<TimelineRow> rows, EventType type, Role lane) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof EventRow e && e.type() == type && e.lane() == lane) {
                return i;
            }
        }
        return -1;
    }

    private void loadedAll() throws Exception {
        until("every event", () -> !vm.loading().get() && vm.progress().get() == 1.0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thePrinterSpoolerSessionTellsItsStoryInOrder() throws Exception {
        open(Sessions.printerSpooler());
        loadedAll();

        List<TimelineRow> rows = fx(() -> List.copyOf(list().getItems()));
        List<Integer> story = List.of(
                indexOf(rows, EventType.SESSION_OPENED, Role.TECHNICIAN),
                indexOf(rows, EventType.CHAT_MESSAGE, Role.TECHNICIAN),
                indexOf(rows, EventType.APPROVAL_GRANTED, Role.CLIENT),
                indexOf(rows, EventType.COMMAND_FINISHED, Role.AGENT),
                indexOf(rows, EventType.VERIFICATION_RECORDED, Role.TECHNICIAN),
                indexOf(rows, EventType.CHAT_MESSAGE, Role.CLIENT),
                indexOf(rows, EventType.SESSION_CLOSED, Role.TECHNICIAN));
        assertThat(story).doesNotContain(-1).isSorted().doesNotHaveDuplicates();
        assertThat(((EventRow) rows.get(story.get(3))).entry().text())
                .isEqualTo("Restarted the Print Spooler service — finished successfully in 0.8 seconds");
        List<TimelineRow> painted = painted();
        assertThat(painted).isNotEmpty().isEqualTo(rows.subList(0, painted.size()));
        String first = fx(() -> robot.lookup(".timeline-time").queryAllAs(Label.class).stream()
                .filter(l -> "10:15:32".equals(l.getText()))
                .map(l -> l.getTooltip().getText())
                .findFirst()
                .orElse("none"));
        assertThat(first).isEqualTo("15:15:32 UTC");
        assertThat(fx(() ->
                        robot.lookup("#figure-verified").queryAs(Label.class).getText()))
                .isEqualTo("10:16:30");
        assertThat(fx(() -> robot.lookup("#slaResult").queryAs(Label.class).getText()))
                .startsWith("Target met");
        screenshot("timeline-list");
    }

    @Test
    void theLanesPutTheClientsApprovalInTheClientLane() throws Exception {
        open(Sessions.printerSpooler());
        loadedAll();
        robot.clickOn("#lanes");
        fx(() -> {
            vm.select(8);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        Bounds box = fx(() -> robot.lookup(".timeline-cell").queryAllAs(TimelineCell.class).stream()
                .filter(c ->
                        c.isVisible() && c.getItem() instanceof EventRow e && e.type() == EventType.APPROVAL_GRANTED)
                .map(c -> c.lookup(".timeline-box"))
                .map(n -> n.localToScene(n.getBoundsInLocal()))
                .findFirst()
                .orElseThrow());
        screenshot("timeline-lanes");
        Bounds client = bounds("#lane-client");
        Bounds agent = bounds("#lane-agent");
        assertThat(box.getMinX()).isBetween(client.getMinX() - 12, client.getMinX() + 12);
        assertThat(box.getMaxX()).isLessThan(agent.getMinX());
    }

    private Bounds bounds(String id) {
        return fx(() -> {
            Node n = robot.lookup(id).query();
            return n.localToScene(n.getBoundsInLocal());
        });
    }

    @Test
    void filtersHideRowsAndJumpToSelectsTheRightRow() throws Exception {
        open(Sessions.printerSpooler());
        loadedAll();

        robot.clickOn("#actor-client");
        until(
                "no client rows",
                () -> list().getItems().stream().noneMatch(r -> r instanceof EventRow e && e.lane() == Role.CLIENT));
        assertThat(painted()).noneMatch(r -> r instanceof EventRow e && e.lane() == Role.CLIENT);
        fx(() -> {
            CheckComboBox<EventType> types = robot.lookup("#typeFilter").query();
            types.getCheckModel().clearCheck(EventType.CHAT_MESSAGE);
            return null;
        });
        assertThat(fx(() -> list().getItems().stream()
                        .filter(r -> r instanceof EventRow e && e.type() == EventType.CHAT_MESSAGE)
                        .count()))
                .isZero();
        robot.clickOn("#actor-client");
        assertThat(fx(() -> list().getItems().size())).isEqualTo(16);

        robot.clickOn("#jumpTo").write("10:16:30").type(KeyCode.ENTER);
        until(
                "the verification selected",
                () -> list().getSelectionModel().getSelectedItem() instanceof EventRow e
                        && e.type() == EventType.VERIFICATION_RECORDED);
    }

    @Test
    void showsGapsProblemsAndACommandsOutputUnfoldedUnderIt() throws Exception {
        open(Sessions.troubled());
        loadedAll();

        assertThat(painted())
                .anySatisfy(r -> assertThat(r)
                        .isInstanceOfSatisfying(
                                TimelineRow.GapRow.class,
                                g -> assertThat(g.text()).isEqualTo("12 min without activity")));
        Node link = fx(() -> robot.lookup(".timeline-cell").queryAllAs(TimelineCell.class).stream()
                .filter(c -> c.isVisible()
                        && c.getItem() instanceof EventRow e
                        && e.type() == EventType.COMMAND_REQUESTED
                        && "cmd-2".equals(e.commandId()))
                .map(c -> c.lookup(".hyperlink"))
                .findFirst()
                .orElseThrow());
        robot.clickOn(link);
        until("the output under its command", () -> vm.isExpanded(7));
        WaitForAsyncUtils.waitForFxEvents();
        List<TimelineRow> painted = painted();
        int command = painted.indexOf(painted.stream()
                .filter(r -> r.seq() == 7 && r instanceof EventRow)
                .findFirst()
                .orElseThrow());
        assertThat(painted.subList(command + 1, command + 4))
                .extracting(r -> ((TimelineRow.OutputRow) r).text())
                .containsExactly(
                        "Status   Name     DisplayName",
                        "Stopped  Spooler  Print Spooler",
                        "WARNING: 14 jobs are stuck in the queue");
        String words = fx(() -> robot.lookup(".timeline-cell").queryAllAs(TimelineCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() instanceof EventRow e && e.seq() == 7)
                .map(c -> ((javafx.scene.control.Hyperlink) c.lookup(".hyperlink")).getText())
                .findFirst()
                .orElseThrow());
        assertThat(words).isEqualTo("Hide output");
        screenshot("timeline-problems");
    }

    @Test
    void selectOpensTheTimelineAtAnEventNotReadYet() throws Exception {
        open(Sessions.synthetic(20_000));
        fx(() -> {
            view.select(19_002);
            return null;
        });
        loadedAll();

        until(
                "event 19,002 selected",
                () -> list().getSelectionModel().getSelectedItem() instanceof EventRow e && e.seq() == 19_002);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(painted()).anyMatch(r -> r instanceof EventRow e && e.seq() == 19_002);
    }

    @Test
    void ctrlEAndTheButtonExportThePdf() throws Exception {
        open(Sessions.printerSpooler());
        loadedAll();

        robot.clickOn("#timelineList");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        until("one export", () -> exports.get() == 1);
        robot.clickOn("#exportPdf");
        until("a second export", () -> exports.get() == 2);
    }

    @Test
    void aSessionOfOneHundredThousandEventsPaintsAtOnceAndScrollsToItsEnd() throws Exception {
        List<RecordedEvent> events = Sessions.synthetic(100_000);
        long start = System.nanoTime();
        open(events);
        long windowMillis = (System.nanoTime() - start) / 1_000_000;
        until("the first rows", () -> !painted().isEmpty());
        long firstPaintMillis = (System.nanoTime() - start) / 1_000_000;
        boolean stillReading = fx(() -> vm.loading().get());
        loadedAll();
        long allMillis = (System.nanoTime() - start) / 1_000_000;
        int size = fx(() -> list().getItems().size());
        assertThat(size).as("every event but the 19,999 output chunks").isEqualTo(80_001);
        javafx.scene.control.skin.VirtualFlow<?> flow =
                fx(() -> (javafx.scene.control.skin.VirtualFlow<?>) list().lookup(".virtual-flow"));
        int steps = 200;
        long totalNanos = 0;
        long slowestNanos = 0;
        for (int i = 0; i < steps; i++) {
            // the work a scroll costs the FX thread: moving the flow, then styling and laying out the reused cells
            long stepNanos = fx(() -> {
                long t = System.nanoTime();
                flow.scrollPixels(TimelineView.ROW_HEIGHT_PX * 15);
                Parent root = stage.getScene().getRoot();
                root.applyCss();
                root.layout();
                return System.nanoTime() - t;
            });
            WaitForAsyncUtils.waitForFxEvents();
            totalNanos += stepNanos;
            slowestNanos = Math.max(slowestNanos, stepNanos);
        }
        for (int i = 1; i <= 20; i++) {
            int to = size * i / 20 - 1;
            fx(() -> {
                list().scrollTo(to);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        String figures = String.format(
                java.util.Locale.ROOT,
                "window shown after %d ms; first rows painted after %d ms (still reading: %s)%nall 100,000 read after %d ms%n"
                        + "%d scroll steps of 15 rows on the FX thread: mean %.2f ms, slowest %.2f ms%n",
                windowMillis,
                firstPaintMillis,
                stillReading,
                allMillis,
                steps,
                totalNanos / 1e6 / steps,
                slowestNanos / 1e6);
        LOG.log(System.Logger.Level.INFO, figures);
        Files.writeString(Path.of("target", "timeline-100k.txt"), figures);
        until(
                "the last row painted",
                () -> painted().stream()
                        .anyMatch(r -> r instanceof EventRow e && e.type() == EventType.SESSION_CLOSED));
        robot.clickOn("#timelineList").type(KeyCode.HOME);
        until(
                "the first row painted again",
                () -> painted().stream()
                        .anyMatch(r -> r instanceof EventRow e && e.type() == EventType.SESSION_OPENED));
        screenshot("timeline-100k");
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("caisey.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> stage.getScene().getRoot().snapshot(null, null));
        BufferedImage out =
                new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = Path.of(dir).resolve("console-" + name + ".png");
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(out, "png", file.toFile())).isTrue();
    }
}
