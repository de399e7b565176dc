package dev.caisey.report.phrasebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.sample.PrinterSpoolerScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlineTest {
    private static final List<RecordedEvent> SAMPLE =
            PrinterSpoolerScenario.export().events();

    @Test
    void tellsTheSampleInTheOrganisationsZoneWithTheZoneNamed() {
        Headline headline = Headline.of(Milestones.of(SAMPLE));
        assertThat(headline.sentence())
                .isEqualTo("Connected 10:15:32, fix verified 10:16:30 — 58 seconds after connection; session closed "
                        + "10:17:45 (EST, UTC−5)");
        assertThat(headline.utcSentence())
                .isEqualTo("In UTC: connected 15:15:32, fix verified 15:16:30, closed 15:17:45");
    }

    @Test
    void measuresTheSlaFromTheReportAgainstTheTarget() {
        List<Headline.Figure> figures = Headline.of(Milestones.of(SAMPLE)).slaFigures();
        assertThat(figures)
                .extracting(Headline.Figure::label, Headline.Figure::value)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("Problem reported", "10:02:10 (15:02:10 UTC)"),
                        org.assertj.core.groups.Tuple.tuple("Fix verified", "14 min 20 s after the report"),
                        org.assertj.core.groups.Tuple.tuple("Agreed target", "4 h from report to verified fix"),
                        org.assertj.core.groups.Tuple.tuple("Result", "target met, with 3 h 45 min to spare"));
    }

    @Test
    void namesZonesWithoutLettersByOffset() {
        LocalClock clock = LocalClock.of("Asia/Kolkata");
        assertThat(clock.zoneLabel(SAMPLE.getFirst().at())).isEqualTo("IST, UTC+5:30");
        assertThat(LocalClock.duration(0, 3_725_000_000L)).isEqualTo("1 h 2 min");
    }

    @Test
    void narratesEveryEventOfTheSampleWithTheActorAndLocalTime() {
        Narrative narrative = new Narrative(Phrasebook.standard(), LocalClock.of("America/New_York"));
        List<TimelineEntry> lines = SAMPLE.stream().map(narrative::next).toList();
        assertThat(lines).hasSize(SAMPLE.size());
        assertThat(lines.get(7).text()).isEqualTo("Maria Lopez approved “Restart the Print Spooler service”");
        assertThat(lines.get(7).time()).isEqualTo("10:16:01");
        assertThat(lines.get(9).detail()).isEqualTo("PowerShell: Restart-Service Spooler");
        assertThat(lines.getLast().kind()).isEqualTo(TimelineEntry.Kind.SESSION);
    }
}
