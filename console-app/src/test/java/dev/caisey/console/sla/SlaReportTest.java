package dev.caisey.console.sla;

import static dev.caisey.console.sla.SlaSamples.ACME;
import static dev.caisey.console.sla.SlaSamples.KOI;
import static dev.caisey.console.sla.SlaSamples.fixedAfter;
import static dev.caisey.console.sla.SlaSamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.ConsoleException;
import dev.caisey.report.phrasebook.Milestones.SlaResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaReportTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);

    private static SlaReport acme(Grouping by, List<SessionTimes> sessions) {
        return SlaReport.of("o-acme", NOV_1, NOV_30, by, sessions);
    }

    private static Duration min(long minutes, long seconds) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    @Test
    void aMedianOfAnOddCountIsTheMiddleValueAndTheP90IsTheNearestRank() {
        SlaReport r = acme(Grouping.DAY, List.of(fixedAfter("a", 45), fixedAfter("b", 10), fixedAfter("c", 20)));
        Stats fix = r.overall().stats(Measure.REPORT_TO_FIX);
        assertThat(fix.count()).isEqualTo(3);
        assertThat(fix.median()).isEqualTo(min(20, 0));
        assertThat(fix.p90()).isEqualTo(min(45, 0)); // rank ceil(0.9 × 3) = 3
        assertThat(fix.mean()).isEqualTo(min(25, 0)); // (10 + 20 + 45) / 3
        assertThat(r.overall().withinTarget()).isEqualTo(3);
        assertThat(r.rows()).extracting(SlaRow::session).containsExactly("a", "b", "c");
    }

    @Test
    void aMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        SlaReport r = acme(
                Grouping.WEEK,
                List.of(fixedAfter("a", 10), fixedAfter("b", 20), fixedAfter("c", 30), fixedAfter("d", 70)));
        SlaFigures all = r.overall();
        Stats fix = all.stats(Measure.REPORT_TO_FIX);
        assertThat(fix.median()).isEqualTo(min(25, 0)); // (20 + 30) / 2
        assertThat(fix.p90()).isEqualTo(min(70, 0)); // rank ceil(3.6) = 4
        assertThat(fix.mean()).isEqualTo(min(32, 30)); // 130 / 4
        assertThat(all.stats(Measure.REPORT_TO_CONNECTION).median()).isEqualTo(min(5, 0));
        assertThat(all.stats(Measure.SESSION_LENGTH).median()).isEqualTo(min(22, 0)); // (17 + 27) / 2
        assertThat(all.withinTarget()).isEqualTo(3);
        assertThat(all.missedTarget()).isEqualTo(1);
        assertThat(all.targetMinutes()).isEqualTo(60L);
        assertThat(r.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEqualTo("2026-W47");
            assertThat(g.label()).isEqualTo("Week of 16 Nov");
            assertThat(g.first()).isEqualTo(LocalDate.of(2026, 11, 16));
            assertThat(g.last()).isEqualTo(LocalDate.of(2026, 11, 22));
        });
    }

    @Test
    void theNinetiethPercentileOfTenValuesIsTheNinthNotAnInterpolation() {
        List<SessionTimes> ten = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ten.add(fixedAfter("s" + i, 10 * i));
        }
        Stats fix = acme(Grouping.MONTH, ten).overall().stats(Measure.REPORT_TO_FIX);
        assertThat(fix.p90()).isEqualTo(min(90, 0));
        assertThat(fix.median()).isEqualTo(min(55, 0));
    }

    @Test
    void aSessionWithoutAReportTimeHasNoReportToConnectionAndCountsFromConnection() {
        SessionTimes reported = session(
                "r",
                ACME,
                "2026-11-17T14:00:00Z",
                "2026-11-17T14:10:00Z",
                "2026-11-17T14:12:00Z",
                "2026-11-17T14:40:00Z",
                "2026-11-17T14:45:00Z");
        SessionTimes walkIn = session(
                "w",
                ACME,
                null,
                "2026-11-17T15:00:00Z",
                "2026-11-17T15:03:00Z",
                "2026-11-17T15:30:00Z",
                "2026-11-17T15:31:00Z");
        SlaFigures all = acme(Grouping.DAY, List.of(reported, walkIn)).overall();
        assertThat(all.stats(Measure.REPORT_TO_CONNECTION).count()).isEqualTo(1);
        assertThat(all.stats(Measure.REPORT_TO_CONNECTION).median()).isEqualTo(min(10, 0));
        assertThat(all.stats(Measure.REPORT_TO_FIRST_ACTION).median()).isEqualTo(min(7, 30)); // (12 + 3) / 2
        assertThat(all.stats(Measure.REPORT_TO_FIX).median()).isEqualTo(min(35, 0)); // (40 + 30) / 2
        assertThat(all.stats(Measure.SESSION_LENGTH).median()).isEqualTo(min(33, 0)); // (35 + 31) / 2
        assertThat(Measure.REPORT_TO_CONNECTION.of(walkIn.milestones())).isNull();
        assertThat(all.withinTarget()).isEqualTo(2);
    }

    @Test
    void openSessionsAndSessionsWithoutAFixAreCountedApartAndHaveNoLengthOrFix() {
        SessionTimes open = session("o", ACME, "2026-11-17T15:00:00Z", "2026-11-17T15:05:00Z", null, null, null);
        SessionTimes fixedStillOpen =
                session("v", ACME, null, "2026-11-17T16:00:00Z", null, "2026-11-17T16:20:00Z", null);
        SessionTimes noFix =
                session("n", ACME, "2026-11-17T15:00:00Z", "2026-11-17T15:02:00Z", null, null, "2026-11-17T17:00:00Z");
        SlaReport r = acme(Grouping.DAY, List.of(open, fixedStillOpen, noFix));
        SlaFigures all = r.overall();
        assertThat(all.sessions()).isEqualTo(3);
        assertThat(all.stillOpen()).isEqualTo(1);
        assertThat(all.noVerifiedFix()).isEqualTo(1);
        assertThat(all.withinTarget()).isEqualTo(1);
        assertThat(all.stats(Measure.SESSION_LENGTH).count()).isEqualTo(1);
        assertThat(all.stats(Measure.SESSION_LENGTH).median()).isEqualTo(min(118, 0));
        assertThat(all.stats(Measure.REPORT_TO_FIX).count()).isEqualTo(1);
        assertThat(all.stats(Measure.REPORT_TO_FIRST_ACTION)).isEqualTo(Stats.NONE);
        assertThat(r.rows())
                .extracting(SlaRow::resultWord)
                .containsExactly("no fix", "open", "met"); // in order of connection
    }

    @Test
    void theTargetIsMetExactlyAtItsEndAndMissedOneSecondLater() {
        SessionTimes exactly =
                session("e", ACME, "2026-11-17T15:00:00Z", "2026-11-17T15:10:00Z", null, "2026-11-17T16:00:00Z", null);
        SessionTimes late =
                session("l", ACME, "2026-11-17T15:00:00Z", "2026-11-17T15:10:00Z", null, "2026-11-17T16:00:01Z", null);
        SlaReport r = acme(Grouping.DAY, List.of(exactly, late));
        assertThat(r.rows()).extracting(SlaRow::result).containsExactly(SlaResult.MET, SlaResult.MISSED);
        assertThat(r.overall().withinTarget()).isEqualTo(1);
        assertThat(r.overall().missedTarget()).isEqualTo(1);
    }

    @Test
    void aSessionBelongsToTheLocalDayOfItsConnectionInTheOrganisationsZone() {
        // 03:30 UTC on the 18th is 22:30 on the 17th in New York; 05:30 UTC is 00:30 on the 18th.
        SessionTimes lateEvening = session(
                "late", ACME, "2026-11-18T03:20:00Z", "2026-11-18T03:30:00Z", null, "2026-11-18T04:00:00Z", null);
        SessionTimes afterMidnight = session(
                "night", ACME, "2026-11-18T04:50:00Z", "2026-11-18T05:30:00Z", null, "2026-11-18T05:40:00Z", null);
        List<SessionTimes> both = List.of(lateEvening, afterMidnight);
        LocalDate nov17 = LocalDate.of(2026, 11, 17);
        SlaReport the17th = SlaReport.of("o-acme", nov17, nov17, Grouping.DAY, both);
        assertThat(the17th.rows()).extracting(SlaRow::session).containsExactly("late");
        SlaReport twoDays = SlaReport.of("o-acme", nov17, nov17.plusDays(1), Grouping.DAY, both);
        assertThat(twoDays.groups()).extracting(SlaGroup::key).containsExactly("2026-11-17", "2026-11-18");
        assertThat(twoDays.groups()).extracting(SlaGroup::label).containsExactly("Tue 17 Nov", "Wed 18 Nov");
        // The reported-at of the second one is on the 17th (23:50 local); it counts on the day of connection.
        assertThat(twoDays.groups()
                        .get(1)
                        .figures()
                        .stats(Measure.REPORT_TO_CONNECTION)
                        .median())
                .isEqualTo(min(40, 0));
    }

    @Test
    void theWeekOfTheDaylightSavingChangeIsCutOnNewYorkMondaysAndMeasuresRealTime() {
        // Sunday 25 Oct 23:50 EDT = Monday 03:50 UTC: still the week of 19 Oct in New York.
        SessionTimes sundayNight =
                session("sun", ACME, null, "2026-10-26T03:50:00Z", null, "2026-10-26T04:10:00Z", null);
        // 1 Nov: clocks go back from 02:00 EDT to 01:00 EST. Reported 01:30 EDT (05:30 UTC), fixed 01:30 EST
        // (06:30 UTC): the same wall-clock time, but 60 minutes later, exactly the target.
        SessionTimes fallBack = session(
                "dst", ACME, "2026-11-01T05:30:00Z", "2026-11-01T05:40:00Z", null, "2026-11-01T06:30:00Z", null);
        // Sunday 1 Nov 23:30 EST = Monday 2 Nov 04:30 UTC: the week of 26 Oct.
        SessionTimes lastOfWeek =
                session("end", ACME, null, "2026-11-02T04:30:00Z", null, "2026-11-02T04:45:00Z", null);
        // Monday 2 Nov 00:30 EST = 05:30 UTC: the week of 2 Nov.
        SessionTimes firstOfWeek =
                session("mon", ACME, null, "2026-11-02T05:30:00Z", null, "2026-11-02T05:50:00Z", null);
        SlaReport r = SlaReport.of(
                "o-acme",
                LocalDate.of(2026, 10, 19),
                LocalDate.of(2026, 11, 8),
                Grouping.WEEK,
                List.of(sundayNight, fallBack, lastOfWeek, firstOfWeek));
        assertThat(r.groups()).extracting(SlaGroup::key).containsExactly("2026-W43", "2026-W44", "2026-W45");
        assertThat(r.groups()).extracting(g -> g.figures().sessions()).containsExactly(1, 2, 1);
        SlaRow dst = r.rows().stream()
                .filter(x -> x.session().equals("dst"))
                .findFirst()
                .orElseThrow();
        assertThat(dst.measure(Measure.REPORT_TO_FIX)).isEqualTo(Duration.ofMinutes(60));
        assertThat(dst.result()).isEqualTo(SlaResult.MET);
    }

    @Test
    void groupsByMonthAndLeavesOtherOrganisationsOut() {
        SessionTimes october = session("oct", ACME, null, "2026-10-30T15:00:00Z", null, "2026-10-30T15:30:00Z", null);
        SessionTimes november = fixedAfter("nov", 30);
        SessionTimes tokyo = session("koi", KOI, null, "2026-11-17T01:00:00Z", null, "2026-11-17T01:30:00Z", null);
        List<SessionTimes> all = List.of(october, november, tokyo);
        SlaReport r = SlaReport.of("o-acme", LocalDate.of(2026, 10, 1), NOV_30, Grouping.MONTH, all);
        assertThat(r.groups()).extracting(SlaGroup::key).containsExactly("2026-10", "2026-11");
        assertThat(r.groups()).extracting(SlaGroup::label).containsExactly("October 2026", "November 2026");
        SlaReport koi = SlaReport.of("o-koi", NOV_1, NOV_30, Grouping.DAY, all);
        assertThat(koi.zone().getId()).isEqualTo("Asia/Tokyo");
        assertThat(koi.rows()).extracting(SlaRow::result).containsExactly(SlaResult.NO_TARGET);
        assertThat(koi.targetMinutes()).isNull();
    }

    @Test
    void anEmptyRangeStillNamesTheOrganisation() {
        SlaReport r = acme(Grouping.WEEK, List.of(fixedAfter("a", 10)));
        SlaReport december = SlaReport.of(
                "o-acme",
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 31),
                Grouping.WEEK,
                r.rows().stream().map(SlaRow::times).toList());
        assertThat(december.isEmpty()).isTrue();
        assertThat(december.organisationName()).isEqualTo("Acme");
        assertThat(december.groups()).isEmpty();
        assertThat(december.overall().stats(Measure.REPORT_TO_FIX)).isEqualTo(Stats.NONE);
    }

    @Test
    void refusesARangeThatEndsBeforeItStartsAndAGroupingItDoesNotKnow() {
        assertThatThrownBy(() -> SlaReport.of("o-acme", NOV_30, NOV_1, Grouping.DAY, List.of()))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("start on 2026-11-30, after it ends on 2026-11-01");
        assertThatThrownBy(() -> Grouping.ofWord("fortnight"))
                .isInstanceOf(ConsoleException.class)
                .hasMessage("Group the figures by day, week or month; 'fortnight' is none of these.");
        assertThat(Grouping.ofWord(" Month ")).isEqualTo(Grouping.MONTH);
    }
}
