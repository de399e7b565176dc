package dev.caisey.console.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportedAtTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-17T20:30:00Z");

    @Test
    void readsDayAndTimeTimeOfTodayAndIsoInstants() {
        assertThat(ReportedAt.parse("2026-11-17 10:00", NEW_YORK, NOW))
                .isEqualTo(Instant.parse("2026-11-17T15:00:00Z"));
        assertThat(ReportedAt.parse("10:00", NEW_YORK, NOW)).isEqualTo(Instant.parse("2026-11-17T15:00:00Z"));
        assertThat(ReportedAt.parse("2026-11-17T15:00:00Z", NEW_YORK, NOW))
                .isEqualTo(Instant.parse("2026-11-17T15:00:00Z"));
        assertThat(ReportedAt.parse("  ", NEW_YORK, NOW)).isNull();
    }

    @Test
    void refusesUnreadableAndFutureTimesInWords() {
        assertThatThrownBy(() -> ReportedAt.parse("17/11/2026", NEW_YORK, NOW))
                .hasMessage("'17/11/2026' is not a time the console reads. Write it as 2026-11-17 09:30 or 09:30"
                        + " (today, America/New_York), or leave it empty.");
        assertThatThrownBy(() -> ReportedAt.parse("23:00", NEW_YORK, NOW)).hasMessageContaining("in the future");
    }
}
