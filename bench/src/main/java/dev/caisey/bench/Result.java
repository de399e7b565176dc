package dev.caisey.bench;

import java.util.Objects;

/**
 * One figure of a bench run beside the baseline measured in the same run.
 *
 * <p>A few figures have no baseline (the issue gives none): their {@code baselineValue} and {@code ratio} are NaN.
 *
 * <p>{@code ratio} is {@code value / baselineValue} (for a footprint: how many times the empty JVM's memory; for a
 * rate: which fraction of the raw speed). {@code met} is {@code null} where the figure has no goal yet.
 *
 * @param name what was measured
 * @param value the figure
 * @param unit its unit ("MB", "events/s")
 * @param baselineName what the baseline is
 * @param baselineValue the baseline's figure, in the same unit
 * @param ratio {@code value / baselineValue}
 * @param goal the goal in words ("≤ 48 MB"), or "—"
 * @param met whether the goal was met, {@code null} without a goal
 */
public record Result(
        String name,
        double value,
        String unit,
        String baselineName,
        double baselineValue,
        double ratio,
        String goal,
        Boolean met) {
    /** The text for a figure without a goal. */
    public static final String NO_GOAL = "—";

    /** Checks that names are present. */
    public Result {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baselineName, "baselineName");
        Objects.requireNonNull(goal, "goal");
    }

    /** A figure and its baseline; the ratio is computed. */
    public static Result of(
            String name,
            double value,
            String unit,
            String baselineName,
            double baselineValue,
            String goal,
            Boolean met) {
        double ratio = baselineValue > 0 ? value / baselineValue : Double.NaN;
        return new Result(name, value, unit, baselineName, baselineValue, ratio, goal, met);
    }

    /** A figure that has no baseline (the baseline's name is "—", its value and the ratio are not numbers). */
    public static Result withoutBaseline(String name, double value, String unit, String goal, Boolean met) {
        return new Result(name, value, unit, NO_GOAL, Double.NaN, Double.NaN, goal, met);
    }

    /** Whether a baseline was measured beside the figure. */
    public boolean hasBaseline() {
        return Double.isFinite(baselineValue);
    }

    /** "yes", "NO" or "—", as the table shows it. */
    public String metText() {
        if (met == null) {
            return NO_GOAL;
        }
        return met ? "yes" : "NO";
    }
}
