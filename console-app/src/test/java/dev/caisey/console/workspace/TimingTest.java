package dev.caisey.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingTest {
    private static final Instant CONNECTED = Instant.parse("2026-11-17T15:15:32Z");

    @Test
    void withoutAReportTimeTheSlaCountsFromTheConnection() {
        Timing t = new Timing(null, CONNECTED, 60L);
        Instant now = CONNECTED.plus(Duration.ofMinutes(50));
        assertThat(t.describe(now))
                .isEqualTo("No report time given · connected 50 min ago · SLA 1 h 00 min: 10 min left");
        assertThat(t.sla(now)).isEqualTo(Timing.Sla.NEAR);
    }

    @Test
    void saysWhenTheOrganisationHasNoTarget() {
        Timing t = new Timing(CONNECTED.minusSeconds(30), CONNECTED, null);
        assertThat(t.describe(CONNECTED.plusSeconds(15)))
                .isEqualTo("Reported 45 s ago · connected 15 s ago · the organisation has no SLA target");
        assertThat(t.sla(CONNECTED)).isEqualTo(Timing.Sla.NONE);
    }
}
