package dev.caisey.report.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.ApprovalPolicy;
import dev.caisey.record.event.Organisation;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import dev.caisey.report.phrasebook.Milestones.SlaResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class MilestonesTest {
    private static final long MINUTE = 60_000_000L;
    private static final Organisation ACME =
            new Organisation("o-acme", "Acme", "America/New_York", 60L, ApprovalPolicy.RISKY);
    private static final Organisation NO_TARGET =
            new Organisation("o-free", "Free", "Europe/London", null, ApprovalPolicy.NONE);

    private static Milestones m(Organisation org, Long reported, Long verified, Long closed) {
        return new Milestones(
                org, reported, 10 * MINUTE, null, verified, closed, closed == null ? null : Outcome.RESOLVED);
    }

    @Test
    void theSlaClockStartsAtTheReportOrElseAtConnection() {
        assertThat(m(ACME, 2 * MINUTE, null, null).slaStartAt()).isEqualTo(2 * MINUTE);
        assertThat(m(ACME, null, null, null).slaStartAt()).isEqualTo(10 * MINUTE);
        assertThat(m(ACME, null, null, null).slaFromReport()).isFalse();
        assertThat(m(ACME, 0L, null, null).slaDeadlineAt()).isEqualTo(60 * MINUTE);
        assertThat(m(NO_TARGET, 0L, null, null).slaDeadlineAt()).isNull();
        assertThat(m(ACME, 0L, 5 * MINUTE, null).sinceSlaStart(5 * MINUTE)).isEqualTo(5 * MINUTE);
    }

    @Test
    void aFixExactlyAtTheTargetMeetsItAndOneMicrosecondLaterMissesIt() {
        assertThat(m(ACME, 0L, 60 * MINUTE, null).slaResult()).isEqualTo(SlaResult.MET);
        assertThat(m(ACME, 0L, 60 * MINUTE + 1, null).slaResult()).isEqualTo(SlaResult.MISSED);
        assertThat(m(ACME, null, 70 * MINUTE, null).slaResult()).isEqualTo(SlaResult.MET);
        assertThat(m(NO_TARGET, 0L, 60 * MINUTE, null).slaResult()).isEqualTo(SlaResult.NO_TARGET);
    }

    @Test
    void withoutAVerifiedFixASessionIsOpenOrClosedWithoutFix() {
        assertThat(m(ACME, 0L, null, null).slaResult()).isEqualTo(SlaResult.OPEN);
        assertThat(m(ACME, 0L, null, 30 * MINUTE).slaResult()).isEqualTo(SlaResult.NO_FIX);
    }

    @Test
    void theHeadlineWordsTheSameResults() {
        assertThat(Headline.of(m(ACME, 0L, 61 * MINUTE, 62 * MINUTE)).slaFigures())
                .last()
                .isEqualTo(new Headline.Figure("Result", "target missed by 1 min"));
        assertThat(Headline.of(m(ACME, 0L, null, 62 * MINUTE)).slaFigures())
                .last()
                .isEqualTo(new Headline.Figure("Result", "target not met"));
        assertThat(Headline.of(m(ACME, 0L, null, null)).slaFigures())
                .last()
                .isEqualTo(new Headline.Figure("Result", "open; the target runs until 20:00:00"));
        assertThat(Headline.of(Milestones.of(PrinterSpoolerScenario.export().events()))
                        .slaFigures())
                .last()
                .isEqualTo(new Headline.Figure("Result", "target met, with 3 h 45 min to spare"));
        assertThat(List.of(SlaResult.values())).hasSize(5);
    }
}
