package dev.caisey.console.sla;

import static dev.caisey.console.sla.SlaSamples.ACME;
import static dev.caisey.console.sla.SlaSamples.fixedAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import dev.caisey.report.phrasebook.Milestones;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaCsvTest {
    private static final LocalDate NOV_17 = LocalDate.of(2026, 11, 17);

    /** The sample printer-spooler session, its milestones read from its real events. */
    static SessionTimes sample() {
        List<RecordedEvent> events = PrinterSpoolerScenario.export().events();
        return new SessionTimes(PrinterSpoolerScenario.SESSION, "PRN-ACCT-01", "Dana Whitfield", Milestones.of(events));
    }

    @Test
    void writesTheSampleSessionWithUtcAndLocalTimesAndWholeSeconds() {
        SlaReport r = SlaReport.of("o-harbor", NOV_17, NOV_17, Grouping.DAY, List.of(sample()));
        String[] lines = SlaCsv.rows(r).split("\r\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(lines[0])
                .isEqualTo("session,endpoint,technician,organisation,time_zone,reported_utc,reported_local,"
                        + "connected_utc,connected_local,first_action_utc,first_action_local,verified_utc,"
                        + "verified_local,closed_utc,closed_local,report_to_connection_seconds,"
                        + "report_to_first_action_seconds,report_to_fix_seconds,session_length_seconds,"
                        + "target_minutes,result");
        // reported 15:02:10.000, connected 15:15:32.104, first command 15:16:04.518, verified 15:16:30.455,
        // closed 15:17:45.517 (UTC): 802.104 s, 834.518 s, 860.455 s and 133.413 s, rounded down.
        assertThat(lines[1])
                .isEqualTo("s-20261117-prn-acct-01,PRN-ACCT-01,Dana Whitfield,Harbor Accounting LLP,America/New_York,"
                        + "2026-11-17T15:02:10Z,2026-11-17T10:02:10-05:00,"
                        + "2026-11-17T15:15:32Z,2026-11-17T10:15:32-05:00,"
                        + "2026-11-17T15:16:04Z,2026-11-17T10:16:04-05:00,"
                        + "2026-11-17T15:16:30Z,2026-11-17T10:16:30-05:00,"
                        + "2026-11-17T15:17:45Z,2026-11-17T10:17:45-05:00,"
                        + "802,834,860,133,240,met");
    }

    @Test
    void writesEachPeriodAndATotalLine() {
        SlaReport r =
                SlaReport.of("o-acme", NOV_17, NOV_17, Grouping.DAY, List.of(fixedAfter("a", 10), fixedAfter("b", 70)));
        String[] lines = SlaCsv.groups(r).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .startsWith("period,label,first_day,last_day,sessions,report_to_connection_count,")
                .endsWith(",within_target,missed_target,verified_no_target,no_verified_fix,still_open,target_minutes");
        // fix after 10 and 70 minutes: median 40 min, p90 (rank 2) 70 min, mean 40 min.
        assertThat(lines[1])
                .startsWith(
                        "2026-11-17,Tue 17 Nov,2026-11-17,2026-11-17,2,2,300,300,300,2,360,360,360,2,2400,4200,2400,")
                .endsWith(",1,1,0,0,0,60");
        assertThat(lines[2]).startsWith("total,All,2026-11-17,2026-11-17,2,");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        assertThat(SlaCsv.cell("Lopez, Maria")).isEqualTo("\"Lopez, Maria\"");
        assertThat(SlaCsv.cell("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(SlaCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(SlaCsv.cell("plain")).isEqualTo("plain");
        assertThat(SlaCsv.cell(null)).isEmpty();
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(SlaCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(SlaCsv.cell("+44 20")).isEqualTo("'+44 20");
        assertThat(SlaCsv.cell("-2")).isEqualTo("'-2");
        assertThat(SlaCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SlaCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SlaCsv.cell("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(SlaCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void anEndpointNamedLikeAFormulaIsWrittenAsText() {
        SessionTimes evil = new SessionTimes(
                "s-evil", "=cmd|' /C calc'!A0", "@tech", fixedAfter("x", 10).milestones());
        SlaReport r = SlaReport.of("o-acme", NOV_17, NOV_17, Grouping.DAY, List.of(evil));
        String line = SlaCsv.rows(r).split("\r\n")[1];
        assertThat(line).startsWith("s-evil,'=cmd|' /C calc'!A0,'@tech,Acme,America/New_York,");
        assertThat(ACME.name()).isEqualTo("Acme");
    }
}
