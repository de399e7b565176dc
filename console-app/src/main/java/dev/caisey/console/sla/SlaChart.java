package dev.caisey.console.sla;

import java.time.Duration;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * The SLA chart: per period, two bars in minutes, the median and the 90th percentile of report → verified fix, with
 * the agreed target drawn across as a dashed line labelled "Target 240 min". A bar chart has no such line of its own,
 * so this one adds it to the plot and places it on every layout; the value axis always reaches above the target, so
 * the line is never outside the picture and a reader sees at a glance which bars cross it.
 */
final class SlaChart extends BarChart<String, Number> {
    private static final double HEADROOM = 1.15;
    private static final double SECONDS_PER_MINUTE = 60.0;

    private final Line targetLine = new Line();
    private final Label targetLabel = new Label();
    private final NumberAxis minutes;
    private Long targetMinutes;

    SlaChart() {
        super(new CategoryAxis(), new NumberAxis());
        minutes = (NumberAxis) getYAxis();
        minutes.setLabel("Minutes");
        minutes.setAutoRanging(false);
        minutes.setLowerBound(0);
        setCategoryGap(48);
        setBarGap(4);
        setAnimated(false);
        setLegendVisible(true);
        targetLine.getStyleClass().add("sla-target-line");
        targetLine.setStyle("-fx-stroke: -color-danger-emphasis; -fx-stroke-width: 2; -fx-stroke-dash-array: 8 6;");
        targetLabel.setStyle("-fx-text-fill: -color-danger-emphasis; -fx-font-weight: bold;");
        targetLine.setManaged(false);
        targetLabel.setManaged(false);
        getPlotChildren().addAll(targetLine, targetLabel);
    }

    /** Shows {@code groups}, with {@code target} (minutes, or {@code null} for none) as the line. */
    void show(List<SlaGroup> groups, Long target) {
        targetMinutes = target;
        XYChart.Series<String, Number> median = new XYChart.Series<>();
        median.setName("Median");
        XYChart.Series<String, Number> p90 = new XYChart.Series<>();
        p90.setName("90th percentile");
        double highest = target == null ? 0 : target;
        for (SlaGroup g : groups) {
            Stats fix = g.figures().stats(Measure.REPORT_TO_FIX);
            highest = Math.max(highest, add(median, g.label(), fix.median()));
            highest = Math.max(highest, add(p90, g.label(), fix.p90()));
        }
        ((CategoryAxis) getXAxis())
                .setCategories(javafx.collections.FXCollections.observableArrayList(
                        groups.stream().map(SlaGroup::label).toList()));
        getData().setAll(List.of(median, p90));
        double wanted = Math.max(1, highest * HEADROOM);
        double tick = tick(wanted);
        minutes.setTickUnit(tick);
        minutes.setUpperBound(Math.ceil(wanted / tick) * tick);
        targetLine.setVisible(target != null);
        targetLabel.setVisible(target != null);
        targetLabel.setText(target == null ? "" : "Target " + target + " min");
        requestChartLayout();
    }

    private static double add(XYChart.Series<String, Number> series, String period, Duration value) {
        if (value == null) {
            return 0;
        }
        double m = Math.max(0, value.toMillis() / 1000.0 / SECONDS_PER_MINUTE);
        series.getData().add(new XYChart.Data<>(period, m));
        return m;
    }

    /** A tick unit that gives five to ten ticks: 1, 2, 5, 10, 20, 50… minutes. */
    private static double tick(double upper) {
        double unit = 1;
        while (upper / unit > 10) {
            unit = unit * (String.valueOf((long) unit).startsWith("2") ? 2.5 : 2);
        }
        return unit;
    }

    /** The target's value in minutes as the line shows it, or {@code null}; for tests. */
    Long targetMinutes() {
        return targetMinutes;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (targetMinutes == null) {
            return;
        }
        double y = minutes.getDisplayPosition(targetMinutes);
        double width = getXAxis().getWidth();
        targetLine.setStartX(0);
        targetLine.setEndX(width);
        targetLine.setStartY(y);
        targetLine.setEndY(y);
        targetLine.toFront();
        targetLabel.autosize();
        targetLabel.relocate(Math.max(0, width - targetLabel.getWidth() - 4), y - targetLabel.getHeight() - 2);
        targetLabel.toFront();
    }
}
