package dev.caisey.console.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.Micros;
import dev.caisey.report.phrasebook.LocalClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeJumpTest {
    private static final LocalClock NEW_YORK = LocalClock.of("America/New_York");

    private static long micros(String instant) {
        return Micros.of(Instant.parse(instant));
    }

    private static String utc(long micros) {
        return Micros.toInstant(micros).toString();
    }

    @Test
    void aTimeOfDayIsTheOrganisationsTimeOnTheSessionsDay() {
        long from = micros("2026-11-17T15:15:32Z");
        long to = micros("2026-11-17T15:17:45Z");

        assertThat(utc(TimeJump.target("10:16", NEW_YORK, from, to))).isEqualTo("2026-11-17T15:16:00Z");
        assertThat(utc(TimeJump.target(" 9:05:07 ", NEW_YORK, from, to))).isEqualTo("2026-11-17T14:05:07Z");
        assertThat(utc(TimeJump.target("10:15", NEW_YORK, from, to)))
                .as("the minute the session started in counts as that day")
                .isEqualTo("2026-11-17T15:15:00Z");
    }

    @Test
    void aDateAndTimeIsTakenAsWrittenInTheOrganisationsZone() {
        long from = micros("2026-11-17T15:15:32Z");

        assertThat(utc(TimeJump.target("2026-11-18 08:00", NEW_YORK, from, from)))
                .isEqualTo("2026-11-18T13:00:00Z");
        assertThat(utc(TimeJump.target("2026-07-01T08:00:30", NEW_YORK, from, from)))
                .as("summer time")
                .isEqualTo("2026-07-01T12:00:30Z");
    }

    @Test
    void aSessionOverMidnightFindsTheLaterDayForAnEarlyTime() {
        long from = micros("2026-11-18T04:30:00Z"); // 23:30 in New York
        long to = micros("2026-11-18T06:00:00Z"); // 01:00 the next day

        assertThat(utc(TimeJump.target("00:15", NEW_YORK, from, to))).isEqualTo("2026-11-18T05:15:00Z");
        assertThat(utc(TimeJump.target("23:45", NEW_YORK, from, to))).isEqualTo("2026-11-18T04:45:00Z");
    }

    @Test
    void somethingThatIsNotATimeIsRefusedInWords() {
        long at = micros("2026-11-17T15:15:32Z");
        for (String bad : new String[] {"", "noon", "24:00", "10:60", "10:15:99", "2026-13-01 10:00", "10.15"}) {
            assertThatThrownBy(() -> TimeJump.target(bad, NEW_YORK, at, at))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ConsoleException.class,
                            e -> assertThat(e.failure()).isEqualTo(ConsoleException.Failure.BAD_INPUT))
                    .hasMessage("“" + bad.strip() + "” is not a time. Type it as 10:15, 10:15:30 or 2026-11-17 10:15,"
                            + " in the client’s zone.");
        }
        assertThatThrownBy(() -> TimeJump.target(null, NEW_YORK, at, at)).isInstanceOf(ConsoleException.class);
    }
}
