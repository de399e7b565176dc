package dev.caisey.console.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.console.ConsoleException;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
    @TempDir
    Path dir;

    private SearchIndex index;

    @BeforeEach
    void fill() {
        index = SearchIndex.open(dir.resolve("search"));
        SampleSessions.addAll(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> found(SearchQuery q) {
        return index.search(q).hits().stream()
                .map(h -> h.session() + "#" + h.seq())
                .toList();
    }

    @Test
    void findsACommandAnOutputLineAChatLineANoteAVerificationAndAResolution() {
        assertThat(found(SearchQuery.of("Restart-Service"))).containsExactly("s-printer#3");
        assertThat(found(SearchQuery.of("DisplayName"))).containsExactly("s-printer#7");
        assertThat(found(SearchQuery.of("test page printed"))).containsExactly("s-printer#11", "s-printer#10");
        assertThat(found(SearchQuery.of("\"stuck jobs\""))).containsExactly("s-printer#8");
        assertThat(found(SearchQuery.of("reports running"))).containsExactly("s-printer#9");
        assertThat(found(SearchQuery.of("vendor"))).containsExactly("s-kiosk#5");
        assertThat(found(SearchQuery.of("\"print spooler service\""))).containsExactly("s-printer#4");
        assertThat(found(SearchQuery.of("nothing-like-this"))).isEmpty();
    }

    @Test
    void describesEachHitNewestFirst() {
        SearchResults r = index.search(SearchQuery.of("spooler"));
        assertThat(r.totalHits()).isEqualTo(9);
        assertThat(r.hits()).extracting(SearchHit::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
        SearchHit output = r.hits().stream()
                .filter(h -> h.seq() == 7 && h.session().equals("s-printer"))
                .findFirst()
                .orElseThrow();
        assertThat(output.type()).isEqualTo("command.output");
        assertThat(output.actorRole()).isEqualTo(Role.AGENT);
        assertThat(output.actorName()).isEqualTo("PRN-ACCT-01");
        assertThat(output.endpoint()).isEqualTo("PRN-ACCT-01");
        assertThat(output.at()).isEqualTo(SampleSessions.PRINTER_START.plusSeconds(6));
        SearchResults first = index.search(SearchQuery.of("spooler").withLimit(2));
        assertThat(first.totalHits()).isEqualTo(9);
        assertThat(first.truncated()).isTrue();
        assertThat(first.hits())
                .extracting(h -> h.session() + "#" + h.seq())
                .containsExactly("s-laptop#3", "s-laptop#2");
    }

    @Test
    void theSnippetMarksTheMatchedWordsInPlainText() {
        SearchHit hit = index.search(SearchQuery.of("DisplayName")).hits().get(0);
        Snippet s = hit.snippet();
        assertThat(s.text()).contains("Running  Spooler").doesNotContain("\r", "\n", "<b>");
        assertThat(s.matchedText()).containsExactly("DisplayName");
        assertThat(index.search(SearchQuery.of("spool*")).hits())
                .allSatisfy(h -> assertThat(h.snippet().matchedText())
                        .isNotEmpty()
                        .allSatisfy(w -> assertThat(w).startsWithIgnoringCase("spool")));
        Snippet phrase =
                index.search(SearchQuery.of("\"stuck jobs\"")).hits().get(0).snippet();
        assertThat(String.join("|", phrase.matchedText())).isIn("stuck jobs", "stuck|jobs");
        assertThat(phrase.parts()).filteredOn(Snippet.Part::match).isNotEmpty();
    }

    @Test
    void eachFilterNarrowsTheHits() {
        SearchQuery spooler = SearchQuery.of("spooler");
        assertThat(found(spooler.withOrganisation("o-bakery"))).containsExactly("s-kiosk#3");
        assertThat(found(spooler.withOrganisation("o-harbor"))).hasSize(8).noneMatch(h -> h.startsWith("s-kiosk"));
        assertThat(found(spooler.withEndpoint("LT-DANA"))).containsExactly("s-laptop#3", "s-laptop#2");
        assertThat(found(spooler.withTechnician("Sam Ortiz"))).containsExactly("s-kiosk#3");
        assertThat(found(spooler.withTechnician("Dana Whitfield").withEndpoint("KIOSK-2")))
                .isEmpty();
        assertThat(found(new SearchQuery("", null, "KIOSK-2", null, null, null, null, 100)))
                .containsExactly("s-kiosk#5", "s-kiosk#4", "s-kiosk#3", "s-kiosk#2");
    }

    @Test
    void aTimeRangeIncludesItsStartAndExcludesItsEnd() {
        var start = SampleSessions.PRINTER_START;
        SearchQuery printer = SearchQuery.of("spooler").withEndpoint("PRN-ACCT-01");
        // spooler events of the printer session: seq 2, 3, 4, 7, 9, 11 at start + (seq - 1) s
        assertThat(found(printer.within(start.plusSeconds(2), start.plusSeconds(6))))
                .containsExactly("s-printer#4", "s-printer#3");
        assertThat(found(printer.within(
                        start.plusSeconds(2), start.plusSeconds(6).plusNanos(1_000))))
                .containsExactly("s-printer#7", "s-printer#4", "s-printer#3");
        assertThat(found(printer.within(start.plusSeconds(2).plusNanos(1_000), null)))
                .containsExactly("s-printer#11", "s-printer#9", "s-printer#7", "s-printer#4");
        assertThat(found(SearchQuery.of("spooler").within(null, SampleSessions.KIOSK_START.plus(Duration.ofDays(1)))))
                .hasSize(7);
    }

    @Test
    void theOutcomeFilterFollowsWhatClosedSaid() {
        SearchQuery spooler = SearchQuery.of("spooler");
        assertThat(found(spooler.withOutcome(Outcome.ESCALATED))).containsExactly("s-kiosk#3");
        assertThat(found(spooler.withOutcome(Outcome.RESOLVED))).hasSize(6).allMatch(h -> h.startsWith("s-printer"));
        assertThat(found(spooler.withOutcome(Outcome.ABANDONED))).isEmpty();
        index.closed("s-laptop", Outcome.ABANDONED);
        assertThat(found(spooler.withOutcome(Outcome.ABANDONED))).containsExactly("s-laptop#3", "s-laptop#2");
        index.closed("s-laptop", Outcome.RESOLVED);
        assertThat(found(spooler.withOutcome(Outcome.ABANDONED))).isEmpty();
        assertThat(found(spooler.withOutcome(Outcome.RESOLVED))).hasSize(8);
    }

    @Test
    void addingTheSameEventsAgainDoesNotDoubleThem() {
        long before = index.count();
        assertThat(before).isEqualTo(14);
        SampleSessions.addAll(index);
        List<RecordedEvent> printer = SampleSessions.printer();
        index.add(SessionFacts.of(printer.get(0)), printer.subList(5, 9));
        assertThat(index.count()).isEqualTo(before);
        assertThat(index.search(SearchQuery.of("spooler")).totalHits()).isEqualTo(9);
    }

    @Test
    void aSyntaxErrorIsExplainedInWords() {
        for (String bad : List.of("spooler AND", "(spooler", "\"print spooler", "*pool", "spooler\\")) {
            assertThatThrownBy(() -> index.search(SearchQuery.of(bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(ConsoleException.class, e -> {
                        assertThat(e.failure()).isEqualTo(ConsoleException.Failure.BAD_INPUT);
                        assertThat(e.getMessage())
                                .startsWith("The search could not be understood: ")
                                .doesNotContain("Encountered", "expecting", "Exception", "<EOF>");
                    });
        }
        assertThat(QueryTranslator.reason(parseError("spooler AND"))).contains("ends too early");
    }

    private static org.apache.lucene.queryparser.classic.ParseException parseError(String text) {
        try {
            new QueryTranslator(new org.apache.lucene.analysis.standard.StandardAnalyzer()).words(SearchQuery.of(text));
        } catch (ConsoleException e) {
            return (org.apache.lucene.queryparser.classic.ParseException) e.getCause();
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void listsTheOrganisationsEndpointsAndTechniciansForTheFilters() {
        SearchFacets f = index.facets();
        assertThat(f.organisations())
                .containsExactly(
                        new SearchFacets.OrganisationChoice("o-bakery", "Baker Street Bakery"),
                        new SearchFacets.OrganisationChoice("o-harbor", "Harbor Accounting LLP"));
        assertThat(f.endpoints()).containsExactly("KIOSK-2", "LT-DANA", "PRN-ACCT-01");
        assertThat(f.technicians()).containsExactly("Dana Whitfield", "Sam Ortiz");
    }

    @Test
    void keepsEverythingAcrossAReopenAndEmptiesOnDeleteAll() {
        index.close();
        index = SearchIndex.open(dir.resolve("search"));
        assertThat(index.count()).isEqualTo(14);
        assertThat(found(SearchQuery.of("vendor").withOutcome(Outcome.ESCALATED)))
                .containsExactly("s-kiosk#5");
        index.deleteAll();
        assertThat(index.count()).isZero();
        assertThat(index.search(SearchQuery.of("spooler")).hits()).isEmpty();
        assertThat(index.facets()).isEqualTo(SearchFacets.NONE);
    }

    @Test
    void countsExactlyUpToTheLimitThenGivesALowerBound() {
        List<RecordedEvent> big = SampleSessions.chatter("s-big", SearchIndex.EXACT_COUNT_UP_TO + 50);
        index.add(SessionFacts.of(big.get(0)), big);
        SearchResults many = index.search(SearchQuery.of("hello"));
        assertThat(many.exact()).isFalse();
        assertThat(many.totalHits()).isGreaterThanOrEqualTo(SearchIndex.EXACT_COUNT_UP_TO);
        assertThat(many.hits()).hasSize(SearchQuery.DEFAULT_LIMIT);
        assertThat(many.hits().get(0).seq()).isEqualTo(big.size());
        SearchResults few = index.search(SearchQuery.of("spooler"));
        assertThat(few.exact()).isTrue();
    }

    @Test
    void refusesEventsOfAnotherSessionAndChangesNothing() {
        List<RecordedEvent> kiosk = SampleSessions.kiosk();
        SessionFacts printer = SessionFacts.of(SampleSessions.printer().get(0));
        assertThatThrownBy(() -> index.add(printer, kiosk))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing was indexed");
        assertThat(index.count()).isEqualTo(14);
        assertThatThrownBy(() -> SessionFacts.of(kiosk.get(1)))
                .isInstanceOfSatisfying(
                        ConsoleException.class,
                        e -> assertThat(e.failure()).isEqualTo(ConsoleException.Failure.BROKEN_RECORD))
                .hasMessageContaining("session.opened");
    }
}
