package dev.caisey.bench;

import java.util.Arrays;
import java.util.List;

/** The few statistics a bench needs over a handful of samples. */
public final class Stats {
    private Stats() {}

    /** The median (the mean of the two middle values for an even count). */
    public static double median(List<? extends Number> samples) {
        double[] sorted = sorted(samples);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The largest sample. */
    public static double max(List<? extends Number> samples) {
        double[] sorted = sorted(samples);
        return sorted[sorted.length - 1];
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100): the smallest sample with at least p % at or below it. */
    public static double percentile(List<? extends Number> samples, double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + p);
        }
        double[] sorted = sorted(samples);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double[] sorted(List<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] values = samples.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
