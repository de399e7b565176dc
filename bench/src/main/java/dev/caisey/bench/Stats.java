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

    private static double[] sorted(List<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] values = samples.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
