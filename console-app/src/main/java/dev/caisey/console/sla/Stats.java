package dev.caisey.console.sla;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The summary of one measure over some sessions: how many had a value, the median, the 90th percentile and the mean.
 * It exists to define these once, exactly, so the table, the chart, the CSV and the JSON agree to the microsecond:
 *
 * <ul>
 *   <li><b>median</b>: the middle value of the sorted values; for an even count, the mean of the two middle values
 *       (rounded down to the microsecond);
 *   <li><b>90th percentile</b>, nearest-rank: the value at rank ⌈0.9 × n⌉ (1-based) of the sorted values, the smallest
 *       value that at least 90% of the values do not exceed; always a real session's figure;
 *   <li><b>mean</b>: the sum divided by the count, rounded down to the microsecond.
 * </ul>
 *
 * With no values, count is 0 and the three figures are {@code null}.
 *
 * @param count how many sessions had a value
 * @param median the median, or {@code null}
 * @param p90 the 90th percentile (nearest rank), or {@code null}
 * @param mean the mean, or {@code null}
 */
public record Stats(int count, Duration median, Duration p90, Duration mean) {
    private static final int PERCENTILE = 90;

    /** No values. */
    public static final Stats NONE = new Stats(0, null, null, null);

    /** The summary of {@code values}; {@code null} entries (no value) are skipped. */
    public static Stats of(List<Duration> values) {
        long[] micros = values.stream()
                .filter(Objects::nonNull)
                .mapToLong(d -> d.getSeconds() * 1_000_000L + d.getNano() / 1_000)
                .sorted()
                .toArray();
        int n = micros.length;
        if (n == 0) {
            return NONE;
        }
        long median = n % 2 == 1 ? micros[n / 2] : Math.floorDiv(micros[n / 2 - 1] + micros[n / 2], 2);
        int rank = (int) Math.ceil(PERCENTILE * n / 100.0);
        long sum = 0;
        for (long m : micros) {
            sum += m;
        }
        return new Stats(n, micros(median), micros(micros[rank - 1]), micros(Math.floorDiv(sum, n)));
    }

    private static Duration micros(long value) {
        return Duration.of(value, ChronoUnit.MICROS);
    }

    /** Whole seconds of a figure (rounded down), or {@code null}. */
    public static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }
}
