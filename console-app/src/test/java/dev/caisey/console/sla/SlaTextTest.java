package dev.caisey.console.sla;

import static dev.caisey.console.sla.SlaSamples.fixedAfter;
import static dev.caisey.console.sla.SlaSamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caisey.record.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class SlaTextTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private static SlaReport november(List<SessionTimes> sessions) {
        return SlaReport.of("o-acme", NOV_1, NOV_30, Grouping.WEEK, sessions);
    }

    private static String print(BiConsumer<SlaReport, PrintWriter> how, SlaReport r) {
        StringWriter text = new StringWriter();
        how.accept(r, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void printsTheJsonShapeScriptsReadWithNullsForWhatDidNotHappen() {
        SessionTimes open = session("o", SlaSamples.ACME, null, "2026-11-18T15:00:00Z", null, null, null);
        SlaReport r = november(List.of(fixedAfter("a", 10), fixedAfter("b", 70), open));
        JsonNode json = Json.parse(print(SlaText::json, r));
        assertThat(json.path("organisation").path("name").asText()).isEqualTo("Acme");
        assertThat(json.path("organisation").path("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(json.path("from").asText()).isEqualTo("2026-11-01");
        assertThat(json.path("grouping").asText()).isEqualTo("week");
        assertThat(json.path("targetMinutes").asLong()).isEqualTo(60);
        JsonNode overall = json.path("overall");
        assertThat(overall.path("sessions").asInt()).isEqualTo(3);
        assertThat(overall.path("withinTarget").asInt()).isEqualTo(1);
        assertThat(overall.path("missedTarget").asInt()).isEqualTo(1);
        assertThat(overall.path("stillOpen").asInt()).isEqualTo(1);
        JsonNode fix = overall.path("measures").path("reportToFix");
        assertThat(fix.path("count").asInt()).isEqualTo(2);
        assertThat(fix.path("medianSeconds").asLong()).isEqualTo(2400);
        assertThat(fix.path("p90Seconds").asLong()).isEqualTo(4200);
        assertThat(json.path("groups")).hasSize(1);
        assertThat(json.path("groups").get(0).path("period").asText()).isEqualTo("2026-W47");
        JsonNode sessions = json.path("sessions");
        assertThat(sessions).hasSize(3);
        assertThat(sessions.get(0).path("reportedAt").asText()).isEqualTo("2026-11-17T15:00:00Z");
        assertThat(sessions.get(0).path("reportToFixSeconds").asLong()).isEqualTo(600);
        assertThat(sessions.get(0).path("result").asText()).isEqualTo("met");
        assertThat(sessions.get(2).path("reportedAt").isNull()).isTrue();
        assertThat(sessions.get(2).path("sessionLengthSeconds").isNull()).isTrue();
        assertThat(sessions.get(2).path("result").asText()).isEqualTo("open");
    }

    @Test
    void printsAnAlignedTableWithATotalLine() {
        String text = print(SlaText::table, november(List.of(fixedAfter("a", 10), fixedAfter("b", 70))));
        List<String> lines = text.lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("SLA figures of Acme between 1 and 30 November 2026, by week (America/New_York); target 60"
                        + " min from report (or connection) to verified fix.");
        assertThat(lines.get(1)).startsWith("Period          Sessions  Met  Missed  No fix  Open  Fix median");
        assertThat(lines.get(2)).startsWith("Week of 16 Nov         2    1       1       0     0     0:40:00  1:10:00");
        assertThat(lines.get(3)).startsWith("All                    2    1       1");
        assertThat(lines.get(1).indexOf("Fix median") + "Fix median".length())
                .isEqualTo(lines.get(2).indexOf("0:40:00") + "0:40:00".length());
    }

    @Test
    void saysInWordsWhenThereIsNothingToShow() {
        SlaReport empty = SlaReport.of("o-acme", NOV_1, NOV_30, Grouping.DAY, List.of());
        assertThat(SlaText.emptyState(empty)).isEqualTo("No sessions of o-acme between 1 and 30 November 2026.");
        SlaReport none =
                november(List.of(session("d", SlaSamples.ACME, null, "2026-12-02T15:00:00Z", null, null, null)));
        assertThat(print(SlaText::table, none)).contains("No sessions of Acme between 1 and 30 November 2026.");
        assertThat(print(SlaText::sessions, none)).isEqualTo("No sessions of Acme between 1 and 30 November 2026.\n");
    }

    @Test
    void wordsPeriodsAndDurations() {
        assertThat(SlaText.period(LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 3)))
                .isEqualTo("between 28 October and 3 November 2026");
        assertThat(SlaText.period(LocalDate.of(2025, 12, 28), LocalDate.of(2026, 1, 3)))
                .isEqualTo("between 28 December 2025 and 3 January 2026");
        assertThat(SlaText.period(NOV_1, NOV_1)).isEqualTo("on 1 November 2026");
        assertThat(SlaText.duration(Duration.ofSeconds(26 * 3600 + 5).plusMillis(999)))
                .isEqualTo("26:00:05");
        assertThat(SlaText.duration(Duration.ofMillis(-5_500))).isEqualTo("-0:00:05");
        assertThat(SlaText.duration(null)).isEqualTo("-");
    }
}
