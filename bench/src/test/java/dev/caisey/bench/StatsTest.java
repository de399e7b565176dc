package dev.caisey.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void takesTheNearestRankPercentileWhateverTheOrder() {
        List<Integer> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples);
        assertThat(Stats.percentile(samples, 50)).isEqualTo(50);
        assertThat(Stats.percentile(samples, 99)).isEqualTo(99);
        assertThat(Stats.percentile(samples, 100)).isEqualTo(100);
        assertThat(Stats.percentile(List.of(7, 3), 99)).isEqualTo(7);
        assertThat(Stats.percentile(List.of(7, 3), 50)).isEqualTo(3);
    }

    @Test
    void refusesAPercentileOutsideItsRangeAndEmptySamples() {
        assertThatThrownBy(() -> Stats.percentile(List.of(1), 0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> Stats.percentile(List.of(1), 101)).hasMessageContaining("not 101.0");
        assertThatThrownBy(() -> Stats.percentile(List.of(), 50)).hasMessageContaining("no samples");
    }
}
