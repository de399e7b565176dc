package dev.caisey.console.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.UiQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final Background background = new Background(ui);
    private final List<String> opened = new ArrayList<>();
    private SearchIndex index;
    private SearchViewModel vm;

    @BeforeEach
    void fill() {
        index = SearchIndex.open(dir.resolve("search"));
        SampleSessions.addAll(index);
        vm = new SearchViewModel(index, background, NEW_YORK, (session, seq) -> opened.add(session + "#" + seq));
    }

    @AfterEach
    void close() {
        background.close();
        index.close();
    }

    private void searchFor(String words) throws InterruptedException {
        vm.text().set(words);
        vm.search();
        settle();
    }

    private void settle() throws InterruptedException {
        assertThat(vm.busy().get()).isTrue();
        ui.pumpUntil(WAIT, () -> !vm.busy().get());
    }

    private List<String> shown() {
        return vm.hits().stream().map(h -> h.session() + "#" + h.seq()).toList();
    }

    @Test
    void showsTheHitsNewestFirstWithTimesInTheScreensZone() throws InterruptedException {
        searchFor("vendor OR declined");
        assertThat(shown()).containsExactly("s-kiosk#5", "s-kiosk#4");
        assertThat(vm.summary().get()).isEqualTo("2 events.");
        assertThat(vm.message().get()).isEmpty();
        assertThat(vm.when(vm.hits().get(0))).isEqualTo("2026-11-18 04:00:04");
        assertThat(vm.selected().get()).isEqualTo(vm.hits().get(0));
        searchFor("nothing-like-this");
        assertThat(vm.hits()).isEmpty();
        assertThat(vm.summary().get()).isEqualTo("No event matches.");
    }

    @Test
    void aSyntaxErrorIsShownInWordsAndTheHitsStay() throws InterruptedException {
        searchFor("spooler");
        assertThat(vm.hits()).hasSize(9);
        searchFor("(spooler");
        assertThat(vm.message().get()).startsWith("The search could not be understood: ");
        assertThat(vm.hits()).hasSize(9);
        vm.text().set("   ");
        vm.search();
        assertThat(vm.busy().get()).isFalse();
        assertThat(vm.message().get()).isEqualTo("Type the words to look for, or choose a filter.");
    }

    @Test
    void theFiltersOfferWhatTheIndexHoldsAndNarrowTheHitsAtOnce() throws InterruptedException {
        SearchFilters f = vm.filters();
        assertThat(f.organisations()).extracting(FilterChoice::label).containsExactly("Any organisation");
        vm.refreshChoices();
        ui.pumpUntil(WAIT, () -> f.organisations().size() == 3);
        assertThat(f.organisations())
                .extracting(FilterChoice::label)
                .containsExactly("Any organisation", "Baker Street Bakery", "Harbor Accounting LLP");
        assertThat(f.endpoints())
                .extracting(FilterChoice::key)
                .containsExactly("", "KIOSK-2", "LT-DANA", "PRN-ACCT-01");
        assertThat(f.technicians())
                .extracting(FilterChoice::label)
                .containsExactly("Any technician", "Dana Whitfield", "Sam Ortiz");
        searchFor("spooler");
        assertThat(vm.hits()).hasSize(9);
        f.organisation().set(f.organisations().get(1));
        settle();
        assertThat(shown()).containsExactly("s-kiosk#3");
        f.clear();
        settle();
        assertThat(vm.hits()).hasSize(9);
        f.outcome()
                .set(f.outcomes().stream()
                        .filter(c -> c.key().equals("resolved"))
                        .findFirst()
                        .orElseThrow());
        settle();
        assertThat(shown()).hasSize(6).allMatch(h -> h.startsWith("s-printer"));
    }

    @Test
    void aDayRangeCoversBothDaysWholeInTheScreensZone() throws InterruptedException {
        searchFor("spooler");
        // the kiosk's spooler line is at 2026-11-18 04:00:02 in New York, the laptop's on 2026-11-19
        vm.filters().fromDay().set(LocalDate.of(2026, 11, 18));
        settle();
        assertThat(shown()).containsExactly("s-laptop#3", "s-laptop#2", "s-kiosk#3");
        vm.filters().toDay().set(LocalDate.of(2026, 11, 18));
        settle();
        assertThat(shown()).containsExactly("s-kiosk#3");
        vm.filters().fromDay().set(LocalDate.of(2026, 11, 19));
        assertThat(vm.busy().get()).isFalse();
        assertThat(vm.message().get()).contains("must be before its end");
    }

    @Test
    void opensTheSessionAtTheSelectedHit() throws InterruptedException {
        vm.open();
        assertThat(opened).isEmpty();
        assertThat(vm.message().get()).isEqualTo("Choose an event in the list first.");
        searchFor("\"stuck jobs\" OR DisplayName");
        vm.selected().set(vm.hits().get(1));
        vm.open();
        assertThat(opened).containsExactly("s-printer#7");
    }
}
