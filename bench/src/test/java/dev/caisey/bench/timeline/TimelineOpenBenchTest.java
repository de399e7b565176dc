package dev.caisey.bench.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.bench.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline bench at a small size: its two figures, their baselines, and what it refuses. Speed is not asserted. */
class TimelineOpenBenchTest {
    @Test
    void timesTheFirstPaintAndTheWholeLoadBesideTheirJdbcReads() throws Exception {
        List<Result> results = new TimelineOpenBench(3_000, 1).run();

        assertThat(results).hasSize(2);
        Result paint = results.get(0);
        Result whole = results.get(1);
        assertThat(paint.name()).startsWith("timeline first paint (3,000-event session, first ");
        assertThat(paint.baselineName()).startsWith("JDBC read of the same ");
        assertThat(paint.unit()).isEqualTo("ms");
        assertThat(paint.value()).isPositive();
        assertThat(paint.baselineValue()).isPositive();
        assertThat(paint.met()).isEqualTo(paint.value() <= TimelineOpenBench.GOAL_FIRST_PAINT_MS);
        assertThat(whole.name()).isEqualTo("timeline whole session loaded (3,000 events)");
        assertThat(whole.baselineName()).isEqualTo("JDBC read of all 3,000 rows from the mirror's H2");
        assertThat(whole.value()).isGreaterThanOrEqualTo(paint.value());
        assertThat(whole.met()).isNull();
    }

    @Test
    void refusesASessionTooShortOrNoRuns() {
        assertThatThrownBy(() -> new TimelineOpenBench(1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 events");
        assertThatThrownBy(() -> new TimelineOpenBench(100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 run");
    }
}
