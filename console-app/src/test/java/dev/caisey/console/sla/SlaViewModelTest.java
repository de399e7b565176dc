package dev.caisey.console.sla;

import static dev.caisey.console.sla.SlaSamples.KOI;
import static dev.caisey.console.sla.SlaSamples.fixedAfter;
import static dev.caisey.console.sla.SlaSamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlaViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final AtomicReference<List<SessionTimes>> mirror = new AtomicReference<>(List.of(
            fixedAfter("a", 10),
            fixedAfter("b", 70),
            session("k", KOI, null, "2026-11-17T01:00:00Z", null, "2026-11-17T01:30:00Z", null)));

    @AfterEach
    void stop() {
        background.close();
    }

    private SlaViewModel ready() throws InterruptedException {
        SlaViewModel model = new SlaViewModel(background, mirror::get, TODAY);
        model.refresh();
        ui.pumpUntil(WAIT, () -> model.report().get() != null && !model.busy().get());
        return model;
    }

    @Test
    void showsTheFirstOrganisationByNameOverTheLastThirtyDays() throws InterruptedException {
        SlaViewModel model = ready();
        assertThat(model.organisations()).extracting(OrganisationChoice::name).containsExactly("Acme", "Koi Dental");
        assertThat(model.organisation().get().id()).isEqualTo("o-acme");
        assertThat(model.from().get()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(model.rows()).extracting(SlaRow::session).containsExactly("a", "b");
        assertThat(model.groups()).extracting(SlaGroup::key).containsExactly("2026-W47");
        assertThat(model.summary().get()).startsWith("SLA figures of Acme between 1 and 30 November 2026, by week");
    }

    @Test
    void computesAgainWhenAChoiceChanges() throws InterruptedException {
        SlaViewModel model = ready();
        model.grouping().set(Grouping.DAY);
        ui.pumpUntil(WAIT, () -> model.report().get().grouping() == Grouping.DAY);
        assertThat(model.groups()).extracting(SlaGroup::key).containsExactly("2026-11-17");
        model.organisation().set(model.organisations().get(1));
        ui.pumpUntil(WAIT, () -> model.report().get().organisationId().equals("o-koi"));
        assertThat(model.rows()).extracting(SlaRow::resultWord).containsExactly("no target");
        model.from().set(LocalDate.of(2026, 11, 20));
        ui.pumpUntil(WAIT, () -> model.report().get().from().getDayOfMonth() == 20);
        assertThat(model.summary().get()).isEqualTo("No sessions of Koi Dental between 20 and 30 November 2026.");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void saysInWordsWhenTheRangeIsBackwardsOrTheMirrorFails() throws InterruptedException {
        SlaViewModel model = ready();
        model.from().set(LocalDate.of(2026, 12, 5));
        ui.pumpUntil(WAIT, () -> !model.problem().get().isEmpty());
        assertThat(model.problem().get())
                .isEqualTo("The SLA figures could not be worked out: The period would start on 2026-12-05, after it"
                        + " ends on 2026-11-30. Give a first day no later than the last day.");
        mirror.set(null);
        model.from().set(LocalDate.of(2026, 11, 1));
        ui.pumpUntil(WAIT, () -> model.problem().get().contains("internal problem"));
        assertThat(model.rows()).extracting(SlaRow::session).containsExactly("a", "b");
    }

    @Test
    void exportsTheSessionsAndThePeriodsSideBySide() throws Exception {
        SlaViewModel model = ready();
        assertThat(model.suggestedFileName()).isEqualTo("sla-acme-2026-11-01-to-2026-11-30.csv");
        Path file = dir.resolve("november.csv");
        model.export(file);
        ui.pumpUntil(
                WAIT,
                () -> !model.notice().get().isEmpty() || !model.problem().get().isEmpty());
        assertThat(model.notice().get())
                .isEqualTo("Saved 2 sessions to november.csv and 1 period to november-periods.csv in " + dir + ".");
        assertThat(Files.readAllLines(file)).hasSize(3).first().asString().startsWith("session,endpoint,");
        assertThat(Files.readAllLines(dir.resolve("november-periods.csv")))
                .hasSize(3)
                .last()
                .asString()
                .startsWith("total,All,");
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedInWordsAndNothingIsLeft() throws Exception {
        SlaViewModel model = ready();
        Path missing = dir.resolve("no-such-folder").resolve("sla.csv");
        model.export(missing);
        ui.pumpUntil(WAIT, () -> !model.problem().get().isEmpty());
        assertThat(model.problem().get())
                .startsWith("The file sla.csv could not be written in " + missing.getParent())
                .endsWith("Choose a folder you may write to, with space left.");
        assertThat(missing.getParent()).doesNotExist();
    }
}
