package dev.caisey.console.sla;

import static dev.caisey.console.sla.SlaSamples.fixedAfter;
import static dev.caisey.console.sla.SlaSamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The SLA screen headless on Monocle over known sessions: the chart shows the median and 90th percentile per week
 * with the target line inside the plot, the tables show the weeks with a total and the sessions, and a period without
 * sessions says so in words. With {@code -Dcaisey.screenshots=DIR} it saves a picture of the screen.
 */
@Tag("ui")
class SlaViewIT {
    private static final long WAIT_SECONDS = 30;

    private final FxRobot robot = new FxRobot();
    private final Background background = new Background(Platform::runLater);

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        background.close();
    }

    private static List<SessionTimes> sessions() {
        List<SessionTimes> all =
                new ArrayList<>(List.of(fixedAfter("a", 12), fixedAfter("b", 25), fixedAfter("c", 75)));
        all.add(session(
                "d",
                SlaSamples.ACME,
                "2026-11-24T14:00:00Z",
                "2026-11-24T14:05:00Z",
                "2026-11-24T14:07:00Z",
                "2026-11-24T14:40:00Z",
                "2026-11-24T14:50:00Z"));
        all.add(session("e", SlaSamples.ACME, null, "2026-11-25T16:00:00Z", null, null, null));
        all.add(SlaCsvTest.sample());
        return all;
    }

    @Test
    @SuppressWarnings("unchecked") // TestFX looks nodes up by raw class
    void showsTheChartAgainstTheTargetAndTheTablesOfKnownSessions() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        SlaViewModel model = new SlaViewModel(background, SlaViewIT::sessions, LocalDate.of(2026, 11, 30));
        FxToolkit.setupStage(s -> {
            Theme.LIGHT.apply();
            s.setScene(new Scene((javafx.scene.Parent) new SlaView(model).node(), 1200, 760));
            s.show();
        });
        FxToolkit.setupFixture(model::refresh);
        until(
                "the figures of Acme",
                () -> ((Label) robot.lookup("#slaSummary").query())
                        .getText()
                        .startsWith("SLA figures of Acme between 1 and 30 November 2026, by week"));

        BarChart<String, Number> chart = robot.lookup("#slaChart").queryAs(BarChart.class);
        until(
                "two series over two weeks",
                () -> chart.getData().size() == 2
                        && chart.getData().get(0).getData().size() == 2);
        assertThat(fx(() -> chart.getData().get(0).getData().stream()
                        .map(d -> d.getXValue() + "=" + d.getYValue())
                        .toList()))
                .containsExactly("Week of 16 Nov=25.0", "Week of 23 Nov=40.0");
        assertThat(fx(() -> chart.getData().get(1).getData().get(0).getYValue()))
                .isEqualTo(75.0);
        Line target = robot.lookup(".sla-target-line").queryAs(Line.class);
        until("the target line inside the plot", () -> target.isVisible() && target.getEndX() > 0);
        assertThat(fx(() -> {
                    Bounds plot = chart.lookup(".chart-plot-background")
                            .localToScene(chart.lookup(".chart-plot-background").getBoundsInLocal());
                    Bounds line = target.localToScene(target.getBoundsInLocal());
                    return plot.getMinY() < line.getCenterY() && line.getCenterY() < plot.getMaxY();
                }))
                .isTrue();

        TableView<SlaGroup> periods = robot.lookup("#slaPeriods").queryAs(TableView.class);
        assertThat(fx(() -> periods.getItems().stream()
                        .map(g -> g.label() + ":" + g.figures().sessions())
                        .toList()))
                .containsExactly("Week of 16 Nov:3", "Week of 23 Nov:2", "All:5");
        TableView<SlaRow> rows = robot.lookup("#slaSessions").queryAs(TableView.class);
        assertThat(fx(() -> rows.getItems().stream().map(SlaRow::resultWord).toList()))
                .containsExactly("met", "met", "missed", "met", "open");
        screenshot(stage, "sla");
        FxToolkit.setupFixture(() -> robot.lookup(".tab-pane")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .select(1));
        screenshot(stage, "sla-sessions");

        ComboBox<OrganisationChoice> organisation =
                robot.lookup("#slaOrganisation").queryAs(ComboBox.class);
        assertThat(fx(() -> organisation.getItems().stream()
                        .map(OrganisationChoice::name)
                        .toList()))
                .containsExactly("Acme", "Harbor Accounting LLP");
        FxToolkit.setupFixture(() -> organisation.getSelectionModel().select(1));
        until(
                "the sample session of Harbor",
                () -> rows.getItems().size() == 1
                        && rows.getItems().getFirst().session().equals("s-20261117-prn-acct-01"));
        until("Harbor's target line", () -> target.getStartY() > 0);
        assertThat(fx(() -> ((Label) robot.lookup("#slaSummary").query()).getText()))
                .endsWith("; target 240 min from report (or connection) to verified fix.");
        assertThat(fx(() ->
                        chart.getData().get(0).getData().getFirst().getYValue().doubleValue()))
                .isCloseTo(860.455 / 60, org.assertj.core.data.Offset.offset(0.001));

        FxToolkit.setupFixture(() -> organisation.getSelectionModel().select(0));
        until("Acme again", () -> rows.getItems().size() == 5);
        FxToolkit.setupFixture(() -> model.from().set(LocalDate.of(2026, 11, 26)));
        until(
                "the empty state",
                () -> ((Label) robot.lookup("#slaSummary").query())
                        .getText()
                        .equals("No sessions of Acme between 26 and 30 November 2026."));
        assertThat(fx(() -> periods.getItems().isEmpty()
                        && chart.getData().get(0).getData().isEmpty()))
                .isTrue();
        assertThat(fx(() -> robot.lookup("#slaExport").query().isDisabled())).isTrue();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void until(String what, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
                try {
                    return fx(condition);
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the SLA screen did not show " + what + " in " + WAIT_SECONDS + " s", e);
        }
    }

    private static void screenshot(Stage stage, String name) throws Exception {
        String dir = System.getProperty("caisey.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> stage.getScene().getRoot().snapshot(null, null));
        Path file = Path.of(dir).resolve("console-" + name + ".png");
        Files.createDirectories(file.getParent());
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        assertThat(ImageIO.write(out, "png", file.toFile())).isTrue();
    }
}
