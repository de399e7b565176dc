package dev.caisey.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caisey.bench.BenchSettings;
import dev.caisey.bench.Result;
import dev.caisey.console.search.SearchQuery;
import dev.caisey.record.chain.ChainHead;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search benchmark's sessions and questions are what they claim, and its smallest run reports both figures. */
class SearchBenchTest {
    @Test
    void aSyntheticSessionIsAChainedRecordFromOpenedToClosed() {
        List<RecordedEvent> s = new SyntheticMirror(1).session(7);
        assertThat(s).hasSize(SyntheticMirror.EVENTS_PER_SESSION);
        assertThat(s.get(0).event()).isInstanceOf(SessionOpened.class);
        assertThat(s.get(s.size() - 1).event()).isInstanceOf(SessionClosed.class);
        ChainHead head = ChainHead.genesis("s-7");
        for (RecordedEvent e : s) {
            assertThat(e.prev()).isEqualTo(head.hash());
            assertThat(e.seq()).isEqualTo(head.seq() + 1);
            assertThat(e.at()).isGreaterThan(head.at());
            head = head.after(e);
        }
        assertThat(new SyntheticMirror(1).session(7)).isEqualTo(s);
    }

    @Test
    void theBaselineScansForEachQuestionsFirstPlainWord() {
        List<SearchQuery> questions = new SearchWorkload(3, 50).questions(20);
        assertThat(questions).hasSize(20);
        assertThat(questions)
                .extracting(SearchWorkload::mainWord)
                .allSatisfy(w -> assertThat(w).isNotBlank().doesNotContain("\"", "*", " "));
        assertThat(questions).anySatisfy(q -> assertThat(q.outcome()).isNotNull());
        assertThat(questions).anySatisfy(q -> assertThat(q.from()).isNotNull());
        assertThat(questions).anySatisfy(q -> assertThat(q.organisationId()).isNotNull());
    }

    @Test
    void theSmokeRunReportsLatencyAndIndexingSpeedBesideTheirBaselines() throws Exception {
        List<Result> results = new SearchBench(BenchSettings.smoke()).run();
        assertThat(results).hasSize(2);
        Result latency = results.get(0);
        assertThat(latency.name()).startsWith("search p95 (5,000 events, 20 queries");
        assertThat(latency.unit()).isEqualTo("ms");
        assertThat(latency.value()).isPositive();
        assertThat(latency.baselineValue()).isPositive();
        assertThat(latency.met()).isNotNull();
        assertThat(results.get(1).unit()).isEqualTo("events/s");
        assertThat(results.get(1).baselineValue()).isPositive();
    }
}
